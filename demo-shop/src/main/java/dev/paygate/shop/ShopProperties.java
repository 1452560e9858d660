package dev.paygate.shop;

import java.net.URI;
import java.util.Currency;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's settings, key {@code shop.*}; defaults in application.yml, documented in the README.
 *
 * @param name shown in the page header
 * @param gatewayUrl the payment server's public base URL: tickets go to {@code <gatewayUrl>/pay/...} and the
 *     server keys are fetched from {@code <gatewayUrl>/.well-known/jwks.json}
 * @param publicUrl this shop's base URL as the customer's browser sees it; return and cancel URLs hang off it
 * @param merchantId the merchant id the shop is enrolled under at the payment server
 * @param privateKeyFile the merchant's private Ed25519 JWK, relative to the working directory
 * @param currency ISO 4217 code of every price in the catalogue
 * @param vatRateBasisPoints VAT included in the prices, in hundredths of a percent (2000 = 20 %)
 * @param walletThresholdMinor display only: the payment server's wallet threshold, to tell customers which
 *     path a basket will take; the payment server alone decides
 * @param ticketValiditySeconds how long a signed ticket may be presented at the payment page
 * @param registerId this shop's sales register (till), the prefix of every ticket {@code serial}
 * @param ordersMax orders kept in memory; the oldest are forgotten past this
 * @param demoHint the banner text explaining the demo and its customers
 */
@ConfigurationProperties("shop")
public record ShopProperties(String name, URI gatewayUrl, URI publicUrl, String merchantId, String privateKeyFile,
        String currency, int vatRateBasisPoints, long walletThresholdMinor, long ticketValiditySeconds,
        String registerId, int ordersMax, String demoHint) {

    public static final int VAT_RATE_BASIS_POINTS_MAX = 10_000;
    public static final long TICKET_VALIDITY_SECONDS_MAX = 86_400;

    public ShopProperties {
        requireText("shop.name", name);
        requireWebUrl("shop.gateway-url", gatewayUrl);
        requireWebUrl("shop.public-url", publicUrl);
        requireText("shop.merchant-id", merchantId);
        requireText("shop.private-key-file", privateKeyFile);
        requireText("shop.currency", currency);
        currency = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getCurrencyCode();
        requireRange("shop.vat-rate-basis-points", vatRateBasisPoints, 0, VAT_RATE_BASIS_POINTS_MAX);
        requireRange("shop.wallet-threshold-minor", walletThresholdMinor, 0, Long.MAX_VALUE);
        requireRange("shop.ticket-validity-seconds", ticketValiditySeconds, 1, TICKET_VALIDITY_SECONDS_MAX);
        requireText("shop.register-id", registerId);
        requireRange("shop.orders-max", ordersMax, 1, Integer.MAX_VALUE);
        demoHint = demoHint == null ? "" : demoHint.strip();
    }

    /** {@code <publicUrl>/<path>} without a doubled slash. */
    public URI shopUrl(String path) {
        return URI.create(withoutTrailingSlash(publicUrl) + path);
    }

    /** {@code <gatewayUrl>/<path>} without a doubled slash. */
    public URI gatewayEndpoint(String path) {
        return URI.create(withoutTrailingSlash(gatewayUrl) + path);
    }

    private static String withoutTrailingSlash(URI base) {
        String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static void requireText(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must be set");
        }
    }

    private static void requireWebUrl(String key, URI url) {
        if (url == null || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException(key + " must be an http(s) URL without query or fragment, not " + url);
        }
    }

    private static void requireRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " is " + value + ", outside " + min + ".." + max);
        }
    }
}
