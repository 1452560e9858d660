package dev.paygate.gateway.voucher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.payment.FrontFixture;
import dev.paygate.gateway.payment.FrontHttp;
import dev.paygate.gateway.payment.FrontUnitTest;
import dev.paygate.merchant.ticket.Ticket;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Voucher copies for merchants (API key) and customers (password), and nobody else's. */
@FrontUnitTest
class VoucherApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private FrontHttp http;
    private FrontFixture fixture;
    private FrontFixture.Merchant merchant;
    private MerchantApiKeys.IssuedApiKey apiKey;
    private String customerId;
    private Ticket ticket;
    private String originalVoucher;
    private String voucherId;

    @BeforeEach
    void payOnce() {
        http = new FrontHttp(port);
        fixture = new FrontFixture(context, http);
        merchant = fixture.newMerchant("Demo Roastery");
        apiKey = fixture.apiKey(merchant);
        customerId = fixture.newCustomer();
        ticket = fixture.ticket(merchant, customerId, 1250).build();
        HttpResponse<String> paid = http.submit("/pay/confirm",
                Map.of("ticket", fixture.sign(merchant, ticket), "password", FrontFixture.PASSWORD));
        originalVoucher = FrontFixture.redirectParameter(paid, "voucher").orElseThrow();
        voucherId = fixture.verifiedVoucher(originalVoucher, ticket).voucherId();
    }

    @Test
    void theMerchantGetsACopyThatIsTheOriginal() throws IOException {
        HttpResponse<String> copy = http.get("/api/v1/vouchers/" + voucherId, "Authorization", merchantAuth(apiKey));

        assertThat(copy.statusCode()).isEqualTo(200);
        assertThat(copy.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(copy.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(copy.body());
        assertThat(body.get("voucher").asText()).isEqualTo(originalVoucher);
        assertThat(body.get("vid").asText()).isEqualTo(voucherId);
        assertThat(body.get("tid").asText()).isEqualTo(ticket.ticketId());
        assertThat(body.get("amountMinor").asLong()).isEqualTo(1250);
        assertThat(body.get("currency").asText()).isEqualTo("EUR");
        assertThat(body.get("path").asText()).isEqualTo("wallet");
    }

    @Test
    void aMerchantNeverReadsAnotherMerchantsVoucher() throws IOException {
        FrontFixture.Merchant competitor = fixture.newMerchant("Competitor");

        HttpResponse<String> stolen = http.get("/api/v1/vouchers/" + voucherId, "Authorization", merchantAuth(fixture.apiKey(competitor)));
        HttpResponse<String> missing = http.get("/api/v1/vouchers/no-such-voucher", "Authorization", merchantAuth(apiKey));

        assertThat(stolen.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(stolen.body()).get("reason").asText()).isEqualTo("voucher_not_found");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/merchants/me/vouchers", "Authorization", merchantAuth(fixture.apiKey(competitor))).body())
                .isEqualTo("[]");
    }

    @Test
    void theMerchantListsItsVouchers() throws IOException {
        HttpResponse<String> list = http.get("/api/v1/merchants/me/vouchers", "Authorization", merchantAuth(apiKey));

        assertThat(JSON.readTree(list.body()).findValuesAsText("vid")).containsExactly(voucherId);
    }

    @Test
    void withoutValidMerchantCredentialsTheAnswerIsAJsonChallenge() throws IOException {
        HttpResponse<String> none = http.get("/api/v1/vouchers/" + voucherId);
        HttpResponse<String> wrongSecret = http.get("/api/v1/vouchers/" + voucherId, "Authorization",
                basic(apiKey.keyId(), "x".repeat(43)));
        HttpResponse<String> garbage = http.get("/api/v1/vouchers/" + voucherId, "Authorization", "Basic %%%");

        for (HttpResponse<String> answer : new HttpResponse[] {none, wrongSecret, garbage}) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Basic realm=\"paygate-merchant\""));
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.get("reason").asText()).isEqualTo("auth_failed");
            assertThat(body.get("message").asText()).isNotBlank();
            assertThat(answer.body()).doesNotContain("Exception", "trace");
        }
    }

    @Test
    void theCustomerListsOwnVouchersOnly() throws IOException {
        String otherCustomer = fixture.newCustomer();

        HttpResponse<String> own = http.get("/api/v1/customers/me/vouchers", "Authorization", basic(customerId, FrontFixture.PASSWORD));
        HttpResponse<String> other = http.get("/api/v1/customers/me/vouchers", "Authorization", basic(otherCustomer, FrontFixture.PASSWORD));

        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode vouchers = JSON.readTree(own.body());
        assertThat(vouchers.findValuesAsText("vid")).containsExactly(voucherId);
        assertThat(vouchers.get(0).get("voucher").asText()).isEqualTo(originalVoucher);
        assertThat(other.body()).isEqualTo("[]");
    }

    @Test
    void unknownApiPathsAnswerWithoutAStackTrace() {
        HttpResponse<String> answer = http.get("/api/v1/vouchers/" + voucherId + "/nothing-here", "Authorization", merchantAuth(apiKey));

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).doesNotContain("Exception", "at dev.paygate");
    }

    private static String merchantAuth(MerchantApiKeys.IssuedApiKey key) {
        return basic(key.keyId(), new String(key.secret()));
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }
}
