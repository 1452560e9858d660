package dev.paygate.merchant.voucher;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The payment server's answer on the URL it sends the customer back to: {@code returnUrl?voucher=<voucher>} after
 * a payment, {@code cancelUrl?refusal=<refusal>} after a refusal or a cancel, beside any query the merchant's URL
 * had. For a shop whose web framework does not read query parameters for it, and for clients that follow the
 * redirect themselves.
 */
public final class ReturnParameters {

    public static final String VOUCHER = "voucher";
    public static final String REFUSAL = "refusal";

    private ReturnParameters() {
    }

    /** The compact voucher on this URL (e.g. a {@code Location} header), if it carries one. */
    public static Optional<String> voucher(String url) {
        return parameter(url, VOUCHER);
    }

    /** The compact refusal on this URL, if it carries one. */
    public static Optional<String> refusal(String url) {
        return parameter(url, REFUSAL);
    }

    private static Optional<String> parameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return Optional.of(URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
