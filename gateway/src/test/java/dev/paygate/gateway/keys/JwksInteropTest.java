package dev.paygate.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.paygate.gateway.payment.FrontFixture;
import dev.paygate.gateway.payment.FrontHttp;
import dev.paygate.gateway.payment.FrontUnitTest;
import dev.paygate.merchant.ticket.Ticket;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** A merchant in any language can check our tokens with nothing but the published JWKS and the RFCs. */
@FrontUnitTest
class JwksInteropTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private FrontHttp http;
    private FrontFixture fixture;

    @BeforeEach
    void setUp() {
        http = new FrontHttp(port);
        fixture = new FrontFixture(context, http);
    }

    @Test
    void publishesOnlyPublicEd25519SigningKeys() {
        HttpResponse<String> jwks = http.get("/.well-known/jwks.json");

        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(jwks.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("max-age="));
        JsonNode keys = new IndependentJwsVerifier(jwks.body()).keys();
        assertThat(keys).isNotEmpty();
        for (JsonNode key : keys) {
            assertThat(key.path("kty").asText()).isEqualTo("OKP");
            assertThat(key.path("crv").asText()).isEqualTo("Ed25519");
            assertThat(key.path("kid").asText()).isNotBlank();
            assertThat(key.has("d")).as("private part published").isFalse();
        }
    }

    @Test
    void aVoucherVerifiesWithThePublishedJwksWithoutTheKitsCode() {
        FrontFixture.Merchant merchant = fixture.newMerchant("Demo Roastery");
        String customerId = fixture.newCustomer();
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();
        HttpResponse<String> paid = http.submit("/pay/confirm",
                Map.of("ticket", fixture.sign(merchant, ticket), "password", FrontFixture.PASSWORD));
        String voucher = FrontFixture.redirectParameter(paid, "voucher").orElseThrow();

        IndependentJwsVerifier merchantSide = new IndependentJwsVerifier(http.get("/.well-known/jwks.json").body());
        JsonNode claims = merchantSide.verifiedClaims(voucher);

        assertThat(claims).as("signature verifies").isNotNull();
        assertThat(claims.path("tid").asText()).isEqualTo(ticket.ticketId());
        assertThat(claims.path("mid").asText()).isEqualTo(merchant.merchantId());
        assertThat(claims.path("amountMinor").asLong()).isEqualTo(1250);
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(60);
        assertThat(merchantSide.verifiedClaims(withPayloadCharacterChanged(voucher))).as("a changed payload").isNull();
    }

    private static String withPayloadCharacterChanged(String compact) {
        int position = compact.indexOf('.') + 10;
        char changed = compact.charAt(position) == 'A' ? 'B' : 'A';
        return compact.substring(0, position) + changed + compact.substring(position + 1);
    }

    @Test
    void aRefusalVerifiesTheSameWay() {
        FrontFixture.Merchant merchant = fixture.newMerchant("Demo Roastery");
        HttpResponse<String> cancelled = http.submit("/pay/cancel",
                Map.of("ticket", fixture.signedTicket(merchant, null, 1250)));
        String refusal = FrontFixture.redirectParameter(cancelled, "refusal").orElseThrow();

        JsonNode claims = new IndependentJwsVerifier(http.get("/.well-known/jwks.json").body()).verifiedClaims(refusal);

        assertThat(claims).isNotNull();
        assertThat(claims.path("reason").asText()).isEqualTo("cancelled");
        assertThat(claims.path("message").asText()).isNotBlank();
    }
}
