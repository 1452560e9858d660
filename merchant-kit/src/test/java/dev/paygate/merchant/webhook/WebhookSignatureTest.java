package dev.paygate.merchant.webhook;

import static dev.paygate.merchant.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] SECRET = "whsec_3f9c1a7e55b24d0c9e8f".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"event\":\"voucher.issued\",\"vid\":\"v-9c1d\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSigner signer = new WebhookSigner(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    private static WebhookVerifier verifierAt(Instant now) {
        return new WebhookVerifier(SECRET, Clock.fixed(now, ZoneOffset.UTC), WebhookVerifier.DEFAULT_TOLERANCE);
    }

    private static WebhookSignatureException.Reason reasonOf(WebhookVerifier verifier, String header, byte[] body) {
        try {
            verifier.verify(header, body);
        } catch (WebhookSignatureException rejected) {
            return rejected.reason();
        }
        throw new AssertionError("the delivery was accepted");
    }

    @Test
    void headerIsTimestampAndHexHmacOfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] expected = mac.doFinal((NOW.getEpochSecond() + "." + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));

        assertThat(signer.signatureHeader(BODY))
                .isEqualTo("t=" + NOW.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(expected));
    }

    @Test
    void aFreshlySignedDeliveryVerifies() {
        assertThatCode(() -> verifierAt(NOW.plusSeconds(3)).verify(signer.signatureHeader(BODY), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void aChangedBodyOrAnotherSecretFails() {
        String header = signer.signatureHeader(BODY);
        byte[] changed = "{\"event\":\"voucher.issued\",\"vid\":\"v-0000\"}".getBytes(StandardCharsets.UTF_8);
        WebhookVerifier otherSecret = new WebhookVerifier("whsec_another_secret_value".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC), WebhookVerifier.DEFAULT_TOLERANCE);

        assertThat(reasonOf(verifierAt(NOW), header, changed)).isEqualTo(WebhookSignatureException.Reason.SIGNATURE_MISMATCH);
        assertThat(reasonOf(otherSecret, header, BODY)).isEqualTo(WebhookSignatureException.Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void aDeliveryOlderOrNewerThanTheToleranceIsRefused() {
        String header = signer.signatureHeader(BODY);

        assertThatCode(() -> verifierAt(NOW.plus(Duration.ofMinutes(5))).verify(header, BODY)).doesNotThrowAnyException();
        assertThat(reasonOf(verifierAt(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1)), header, BODY))
                .isEqualTo(WebhookSignatureException.Reason.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(reasonOf(verifierAt(NOW.minus(Duration.ofMinutes(6))), header, BODY))
                .isEqualTo(WebhookSignatureException.Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void aReplayWithAFreshTimestampButTheOldSignatureFails() {
        String old = signer.signatureHeader(BODY, NOW.minus(Duration.ofHours(1)));
        String restamped = old.replaceFirst("t=\\d+", "t=" + NOW.getEpochSecond());

        assertThat(reasonOf(verifierAt(NOW), restamped, BODY)).isEqualTo(WebhookSignatureException.Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void anyMatchingV1EntryIsEnoughDuringSecretRotation() {
        String byOldSecret = new WebhookSigner("whsec_the_previous_secret!".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC)).signatureHeader(BODY);
        String current = signer.signatureHeader(BODY);
        String both = byOldSecret + ",v1=" + current.substring(current.indexOf("v1=") + 3).toUpperCase(Locale.ROOT);

        assertThatCode(() -> verifierAt(NOW).verify(both, BODY)).doesNotThrowAnyException();
    }

    @Test
    void malformedHeadersAreNamedAsSuch() {
        WebhookVerifier verifier = verifierAt(NOW);

        assertThat(reasonOf(verifier, null, BODY)).isEqualTo(WebhookSignatureException.Reason.MALFORMED_HEADER);
        assertThat(reasonOf(verifier, "v1=abc", BODY)).isEqualTo(WebhookSignatureException.Reason.MALFORMED_HEADER);
        assertThat(reasonOf(verifier, "t=yesterday,v1=abc", BODY)).isEqualTo(WebhookSignatureException.Reason.MALFORMED_HEADER);
        assertThat(reasonOf(verifier, "t=1," + "v1=00,".repeat(200), BODY))
                .isEqualTo(WebhookSignatureException.Reason.MALFORMED_HEADER);
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> new WebhookSigner("short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 16 bytes");
    }
}
