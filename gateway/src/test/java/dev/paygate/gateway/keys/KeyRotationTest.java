package dev.paygate.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.payment.FrontFixture;
import dev.paygate.gateway.payment.FrontHttp;
import dev.paygate.gateway.payment.FrontTestApplication;
import dev.paygate.gateway.payment.MutableClock;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.ticket.Ticket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Restarts of the front unit with rotated keys, over the same database, as an operator would do it. */
class KeyRotationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void vouchersSignedBeforeARotationKeepVerifyingAfterItUntilTheyHaveExpired() throws Exception {
        OctetKeyPair oldKey = Ed25519Keys.generate("pg-2026-05");
        OctetKeyPair newKey = Ed25519Keys.generate("pg-2026-11");
        String oldVoucher;
        String oldVoucherId;
        FrontFixture.Merchant merchant;
        MerchantApiKeys.IssuedApiKey apiKey;
        String customerId;
        try (ConfigurableApplicationContext before = start(Map.of(
                "paygate.front.keys[0].kid", "pg-2026-05",
                "paygate.front.keys[0].jwk", Ed25519Keys.toPrivateJson(oldKey)))) {
            FrontFixture fixture = fixture(before);
            merchant = fixture.newMerchant("Demo Roastery");
            apiKey = fixture.apiKey(merchant);
            customerId = fixture.newCustomer();
            Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();
            oldVoucher = pay(fixture, http(before), merchant, ticket);
            oldVoucherId = fixture.verifiedVoucher(oldVoucher, ticket).voucherId();
        }
        assertThat(kidOf(oldVoucher)).isEqualTo("pg-2026-05");

        Instant rotatedAt = Instant.now();
        try (ConfigurableApplicationContext after = start(Map.of(
                "paygate.front.keys[0].kid", "pg-2026-11",
                "paygate.front.keys[0].jwk", Ed25519Keys.toPrivateJson(newKey),
                "paygate.front.keys[1].kid", "pg-2026-05",
                "paygate.front.keys[1].jwk", Ed25519Keys.publicJwkJson(oldKey),
                "paygate.front.keys[1].status", "retired",
                "paygate.front.keys[1].retired-at", rotatedAt.toString()))) {
            FrontHttp http = http(after);
            FrontFixture fixture = fixture(after);
            IndependentJwsVerifier merchantSide = new IndependentJwsVerifier(http.get("/.well-known/jwks.json").body());

            assertThat(merchantSide.verifiedClaims(oldVoucher)).as("old voucher after rotation").isNotNull();
            String copy = JSON.readTree(http.get("/api/v1/vouchers/" + oldVoucherId, "Authorization", basic(apiKey)).body())
                    .get("voucher").asText();
            assertThat(copy).isEqualTo(oldVoucher);
            String newVoucher = pay(fixture, http, merchant, fixture.ticket(merchant, customerId, 990).build());
            assertThat(kidOf(newVoucher)).isEqualTo("pg-2026-11");
            assertThat(merchantSide.verifiedClaims(newVoucher)).isNotNull();

            // This context's clock started after rotatedAt, so two minutes on is past rotatedAt + 60 s for sure.
            after.getBean(MutableClock.class).advance(Duration.ofMinutes(2));
            assertThat(new IndependentJwsVerifier(http.get("/.well-known/jwks.json").body()).keys())
                    .extracting(key -> key.path("kid").asText())
                    .containsExactly("pg-2026-11");
        }
    }

    @Test
    void theGeneratedKeyOfTheEmbeddedDefaultSurvivesARestart(@TempDir Path dataDirectory) throws Exception {
        Map<String, Object> embeddedDefault = Map.of("paygate.data-directory", dataDirectory.toString());
        String kidBefore;
        try (ConfigurableApplicationContext first = start(embeddedDefault)) {
            kidBefore = publishedKids(http(first));
        }
        try (ConfigurableApplicationContext second = start(embeddedDefault)) {
            assertThat(publishedKids(http(second))).isEqualTo(kidBefore);
        }
        Path keyFile = dataDirectory.resolve("keys").resolve("server-signing-key.jwk");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    }

    /** As command-line arguments, so they outrank application.yml like a real operator's settings do. */
    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String property : FrontTestApplication.properties()) {
            String[] keyAndValue = property.split("=", 2);
            all.put(keyAndValue[0], keyAndValue[1]);
        }
        all.put("server.port", "0");
        all.putAll(properties);
        String[] arguments = all.entrySet().stream().map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(FrontTestApplication.class).run(arguments);
    }

    private static String pay(FrontFixture fixture, FrontHttp http, FrontFixture.Merchant merchant, Ticket ticket) {
        return FrontFixture.redirectParameter(http.submit("/pay/confirm",
                Map.of("ticket", fixture.sign(merchant, ticket), "password", FrontFixture.PASSWORD)), "voucher").orElseThrow();
    }

    private static FrontHttp http(ConfigurableApplicationContext context) {
        return new FrontHttp(((ServletWebServerApplicationContext) context).getWebServer().getPort());
    }

    private static FrontFixture fixture(ConfigurableApplicationContext context) {
        return new FrontFixture(context, http(context));
    }

    private static String publishedKids(FrontHttp http) {
        StringBuilder kids = new StringBuilder();
        for (JsonNode key : new IndependentJwsVerifier(http.get("/.well-known/jwks.json").body()).keys()) {
            kids.append(key.path("kid").asText()).append(' ');
        }
        return kids.toString().strip();
    }

    private static String kidOf(String compact) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.')))).path("kid").asText();
    }

    private static String basic(MerchantApiKeys.IssuedApiKey key) {
        return "Basic " + Base64.getEncoder().encodeToString((key.keyId() + ":" + new String(key.secret()))
                .getBytes(StandardCharsets.UTF_8));
    }
}
