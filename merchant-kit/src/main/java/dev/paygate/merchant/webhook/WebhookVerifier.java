package dev.paygate.merchant.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Merchant side: checks the {@code Paygate-Signature} header of a webhook against the raw request body
 * (the bytes as received, before any JSON parsing). Several {@code v1} entries are allowed, so the server
 * can sign with an old and a new secret while it rotates. Thread-safe.
 */
public final class WebhookVerifier {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** Bounds the work per request: a header of a timestamp and a few signatures is far below this. */
    public static final int HEADER_LENGTH_MAX = 1_024;
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final byte[] secret;
    private final Clock clock;
    private final Duration tolerance;

    /** @param secret the webhook secret as issued at enrollment, at least 16 bytes */
    public WebhookVerifier(byte[] secret, Clock clock, Duration tolerance) {
        this.secret = WebhookSignatures.requireSecret(secret);
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("tolerance must be positive");
        }
        this.tolerance = tolerance;
    }

    /** @param secret the webhook secret as text; its UTF-8 bytes are the HMAC key */
    public WebhookVerifier(String secret) {
        this(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC(), DEFAULT_TOLERANCE);
    }

    public void verify(String signatureHeader, byte[] rawBody) throws WebhookSignatureException {
        Objects.requireNonNull(rawBody, "rawBody");
        if (signatureHeader == null || signatureHeader.isEmpty() || signatureHeader.length() > HEADER_LENGTH_MAX) {
            throw new WebhookSignatureException(WebhookSignatureException.Reason.MALFORMED_HEADER,
                    "missing, empty or longer than " + HEADER_LENGTH_MAX + " characters");
        }
        Long timestampSeconds = null;
        List<String> signatures = new ArrayList<>();
        for (String part : signatureHeader.split(",")) {
            String entry = part.strip();
            if (entry.startsWith("t=") && timestampSeconds == null) {
                timestampSeconds = parseSeconds(entry.substring(2));
            } else if (entry.startsWith("v1=")) {
                signatures.add(entry.substring(3));
            }
            // Other schemes (v0, a future v2) are skipped, as Stripe-style verifiers do.
        }
        if (timestampSeconds == null || signatures.isEmpty()) {
            throw new WebhookSignatureException(WebhookSignatureException.Reason.MALFORMED_HEADER,
                    "needs t=<unix seconds> and at least one v1=<hex>");
        }
        Instant sentAt = Instant.ofEpochSecond(timestampSeconds);
        Duration age = Duration.between(sentAt, clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            throw new WebhookSignatureException(WebhookSignatureException.Reason.TIMESTAMP_OUT_OF_TOLERANCE,
                    "t=" + timestampSeconds + " is " + age.toSeconds() + " s from now, tolerance "
                            + tolerance.toSeconds() + " s");
        }
        byte[] expected = WebhookSignatures.hexSignature(secret, timestampSeconds, rawBody)
                .getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String signature : signatures) {
            // Compare every candidate in constant time and do not stop early, so timing reveals nothing.
            String candidate = signature.toLowerCase(Locale.ROOT);
            if (HEX_SHA256.matcher(candidate).matches()) {
                matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (!matched) {
            throw new WebhookSignatureException(WebhookSignatureException.Reason.SIGNATURE_MISMATCH,
                    "no v1 signature matches the body");
        }
    }

    private static long parseSeconds(String text) throws WebhookSignatureException {
        if (!text.matches("[0-9]{1,12}")) {
            throw new WebhookSignatureException(WebhookSignatureException.Reason.MALFORMED_HEADER,
                    "t must be unix seconds");
        }
        return Long.parseLong(text);
    }
}
