package dev.paygate.merchant.ticket;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Sends the customer to the payment page with a signed ticket: a GET link {@code <gatewayBase>/pay/<ticket>},
 * or, for tickets too long for a URL (large baskets), an HTML page that POSTs field {@code ticket} to
 * {@code <gatewayBase>/pay} by itself, with a button for browsers without JavaScript.
 */
public final class PayLink {

    /** Conservative URL length that old browsers, proxies and log pipelines all keep intact. */
    public static final int URL_LENGTH_MAX = 2_000;
    /** Base64url segments joined by dots: a compact JWS needs no escaping in a path or an attribute. */
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private final String gatewayBase;

    /** @param gatewayBase the payment server's public base URL, e.g. {@code https://pay.example} */
    public PayLink(URI gatewayBase) {
        Objects.requireNonNull(gatewayBase, "gatewayBase");
        String scheme = gatewayBase.getScheme() == null ? "" : gatewayBase.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || gatewayBase.getHost() == null
                || gatewayBase.getRawQuery() != null || gatewayBase.getRawFragment() != null) {
            throw new IllegalArgumentException("gatewayBase: must be an http(s) URL without query or fragment: " + gatewayBase);
        }
        String base = gatewayBase.toString();
        this.gatewayBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public URI payUrl(String compactTicket) {
        return URI.create(gatewayBase + "/pay/" + requireCompact(compactTicket));
    }

    /** True when the GET link stays under {@link #URL_LENGTH_MAX}; otherwise use {@link #autoSubmitPage}. */
    public boolean fitsInUrl(String compactTicket) {
        return gatewayBase.length() + "/pay/".length() + requireCompact(compactTicket).length() <= URL_LENGTH_MAX;
    }

    /** A complete HTML page that POSTs the ticket to the payment page as soon as it loads. */
    public String autoSubmitPage(String compactTicket) {
        String ticket = escapeHtml(requireCompact(compactTicket));
        String action = escapeHtml(gatewayBase + "/pay");
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n"
                + "<head><meta charset=\"utf-8\"><title>Redirecting to payment</title></head>\n"
                + "<body onload=\"document.forms[0].submit()\">\n"
                + "<form method=\"post\" action=\"" + action + "\">\n"
                + "<input type=\"hidden\" name=\"ticket\" value=\"" + ticket + "\">\n"
                + "<noscript><button type=\"submit\">Continue to payment</button></noscript>\n"
                + "</form>\n"
                + "</body>\n"
                + "</html>\n";
    }

    /**
     * Escapes for HTML text and double- or single-quoted attributes. A valid ticket never needs it,
     * but the base URL comes from configuration and may carry {@code &} or quotes.
     */
    static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String requireCompact(String compactTicket) {
        if (compactTicket == null || !COMPACT_JWS.matcher(compactTicket).matches()) {
            throw new IllegalArgumentException("not a JWS compact ticket (three base64url parts joined by dots)");
        }
        return compactTicket;
    }
}
