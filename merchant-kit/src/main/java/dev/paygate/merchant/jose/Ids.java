package dev.paygate.merchant.jose;

import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers for tickets and vouchers: 128 bits, base64url, so printable and URL-safe. */
public final class Ids {

    private static final int RANDOM_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
