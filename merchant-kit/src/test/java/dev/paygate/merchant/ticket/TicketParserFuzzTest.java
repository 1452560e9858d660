package dev.paygate.merchant.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import dev.paygate.merchant.Fixtures;
import dev.paygate.merchant.jose.Ed25519JwsSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Issue 17: the gateway's ticket parser meets whatever a browser sends. Each input is tried twice: as a compact
 * ticket as it came, and as a claims payload correctly signed by the merchant, so the claim rules behind the
 * signature check meet the damage too. Either it verifies or it is a {@link TicketRejectedException} with a
 * reason; nothing else escapes, and no input takes long. {@code ./mvnw verify} replays the committed inputs in
 * {@code TicketParserFuzzTestInputs/}; {@code JAZZER_FUZZ=1} (./faults) mutates them.
 */
class TicketParserFuzzTest {

    private static final Duration TIME_PER_INPUT_MAX = Duration.ofSeconds(5);
    private static final TicketVerifier VERIFIER = new TicketVerifier(
            (merchantId, keyId) -> Optional.of(Fixtures.MERCHANT_KEY.toPublicJWK()),
            Clock.fixed(Fixtures.NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
    private static final Ed25519JwsSigner MERCHANT_SIGNER = new Ed25519JwsSigner(Fixtures.MERCHANT_KEY);

    @FuzzTest(maxDuration = "20s")
    void everyTicketVerifiesOrIsRejectedWithAReason(byte[] input) throws JOSEException {
        // "<compact ticket>\n<claims JSON>", so a seed file reads as text.
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String compact = newline < 0 ? text : text.substring(0, newline);
        String claimsJson = newline < 0 ? text : text.substring(newline + 1);

        assertVerifiesOrRejects(compact);
        JWSObject signed = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType("paygate-ticket+jwt")).keyID(Fixtures.MERCHANT_KEY.getKeyID()).build(),
                new Payload(claimsJson));
        signed.sign(MERCHANT_SIGNER);
        assertVerifiesOrRejects(signed.serialize());
    }

    private static void assertVerifiesOrRejects(String compact) {
        long startNs = System.nanoTime();
        try {
            Ticket ticket = VERIFIER.verify(compact);
            assertThat(ticket.amountMinor()).isNotNegative();
        } catch (TicketRejectedException rejected) {
            assertThat(rejected.reason().code()).isNotBlank();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - startNs)).isLessThan(TIME_PER_INPUT_MAX);
    }
}
