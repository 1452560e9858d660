package dev.paygate.merchant.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Gateway side: the {@code Paygate-Signature} header for a webhook delivery,
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}. Thread-safe.
 */
public final class WebhookSigner {

    public static final String HEADER_NAME = "Paygate-Signature";

    private final byte[] secret;
    private final Clock clock;

    /** @param secret the merchant's webhook secret, at least 16 bytes */
    public WebhookSigner(byte[] secret, Clock clock) {
        this.secret = WebhookSignatures.requireSecret(secret);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param secret the merchant's webhook secret as text; its UTF-8 bytes are the HMAC key */
    public WebhookSigner(String secret) {
        this(secret.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());
    }

    /** Signs the exact bytes that go on the wire, timestamped now. */
    public String signatureHeader(byte[] rawBody) {
        return signatureHeader(rawBody, clock.instant());
    }

    public String signatureHeader(byte[] rawBody, Instant timestamp) {
        long timestampSeconds = timestamp.getEpochSecond();
        return "t=" + timestampSeconds + ",v1=" + WebhookSignatures.hexSignature(secret, timestampSeconds, rawBody);
    }
}
