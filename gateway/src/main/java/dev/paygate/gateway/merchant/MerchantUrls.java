package dev.paygate.gateway.merchant;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rule for the web addresses a merchant registers with us (its notify URL, its shop's address): https, or
 * plain http only to a loopback host (a merchant's local test server); no user info, no fragment.
 */
public final class MerchantUrls {

    public static final int URL_LENGTH_MAX = 2_000;

    private MerchantUrls() {
    }

    /** @param what names the address in the message, e.g. "a notify URL" */
    public static URI requireRegistrable(String what, URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null || url.toString().length() > URL_LENGTH_MAX) {
            throw new IllegalArgumentException(what + " is an absolute http(s) URL with a host, at most "
                    + URL_LENGTH_MAX + " characters");
        }
        // User info would put credentials into every log line and error that names the URL.
        if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(what + " carries no user info and no fragment");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return url;
        }
        if (!scheme.equals("http") || !isLoopback(url.getHost())) {
            throw new IllegalArgumentException(what + " is https; plain http only to a loopback host");
        }
        return url;
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        // Only IP literals: resolving a name here would make the rule depend on DNS.
        if (!literal.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException notALiteral) {
            return false;
        }
    }
}
