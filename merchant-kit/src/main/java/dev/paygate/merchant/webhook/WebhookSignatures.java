package dev.paygate.merchant.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The HMAC both sides compute: HMAC-SHA256 over {@code "<t>.<raw body>"}, lower-case hex. */
final class WebhookSignatures {

    static final String HMAC_ALGORITHM = "HmacSHA256";
    /** 128 bits: shorter secrets are guessable offline from one signed delivery. */
    static final int SECRET_BYTES_MIN = 16;

    private WebhookSignatures() {
    }

    static byte[] requireSecret(byte[] secret) {
        if (secret == null || secret.length < SECRET_BYTES_MIN) {
            throw new IllegalArgumentException("webhook secret must be at least " + SECRET_BYTES_MIN + " bytes");
        }
        return secret.clone();
    }

    static String hexSignature(byte[] secret, long timestampSeconds, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(HMAC_ALGORITHM);
            mac.init(new SecretKeySpec(secret, HMAC_ALGORITHM));
            mac.update(Long.toString(timestampSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(rawBody);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException noHmac) {
            throw new IllegalStateException("HmacSHA256 is unavailable", noHmac);
        }
    }
}
