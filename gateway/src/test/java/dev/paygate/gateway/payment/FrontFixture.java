package dev.paygate.gateway.payment;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.auth.CustomerCredentials;
import dev.paygate.gateway.merchant.MerchantApiKeys;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.merchant.jose.Ed25519JwsSigner;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.jose.ExpiryCheck;
import dev.paygate.merchant.jose.Ids;
import dev.paygate.merchant.jose.JwksKeyResolver;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalRejectedException;
import dev.paygate.merchant.refusal.RefusalVerifier;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.merchant.voucher.VoucherRejectedException;
import dev.paygate.merchant.voucher.VoucherVerifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Merchants, customers and tickets for front-unit tests, made through the same services the lead's seeding
 * uses; and the merchant's side of the checks: the voucher or refusal in a redirect, verified with our JWKS.
 */
public final class FrontFixture {

    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CONTINUE_LINK = Pattern.compile("<a class=\"button[^\"]*\"\\s+href=\"([^\"]+)\"");

    private final MerchantKeys merchantKeys;
    private final MerchantApiKeys merchantApiKeys;
    private final CustomerCredentials customerCredentials;
    private final MutableClock clock;
    private final FrontHttp http;
    private final VoucherVerifier vouchers;
    private final RefusalVerifier refusals;

    public FrontFixture(ApplicationContext context, FrontHttp http) {
        this.merchantKeys = context.getBean(MerchantKeys.class);
        this.merchantApiKeys = context.getBean(MerchantApiKeys.class);
        this.customerCredentials = context.getBean(CustomerCredentials.class);
        this.clock = context.getBean(MutableClock.class);
        this.http = http;
        JwksKeyResolver serverKeys = new JwksKeyResolver(this::publishedKeys, clock, Duration.ofSeconds(1), Duration.ofMinutes(1));
        this.vouchers = VoucherVerifier.builder(serverKeys).clock(clock).build();
        this.refusals = new RefusalVerifier(serverKeys, clock, ExpiryCheck.DEFAULT_CLOCK_SKEW);
    }

    public record Merchant(String merchantId, String name, OctetKeyPair privateKey, TicketSigner signer) {
    }

    public Merchant newMerchant(String name) {
        String merchantId = "shop-" + Ids.random().substring(0, 10);
        OctetKeyPair key = Ed25519Keys.generate(merchantId + "-key-1");
        merchantKeys.register(merchantId, name, Ed25519Keys.publicJwk(key));
        return new Merchant(merchantId, name, key, new TicketSigner(key));
    }

    public MerchantApiKeys.IssuedApiKey apiKey(Merchant merchant) {
        return merchantApiKeys.issue(merchant.merchantId());
    }

    /** A customer enrolled with {@link #PASSWORD}. */
    public String newCustomer() {
        String customerId = "cust-" + Ids.random().substring(0, 10);
        customerCredentials.enroll(customerId, PASSWORD.toCharArray());
        return customerId;
    }

    /** A simple ticket for the amount (VAT 16 %), issued now by the test clock, valid 15 minutes. */
    public Ticket.Builder ticket(Merchant merchant, String customerId, long amountMinor) {
        return Ticket.simple(merchant.merchantId(), "order-" + Ids.random().substring(0, 8))
                .customerId(customerId)
                .amountMinor(amountMinor)
                .vatMinor(amountMinor * 16 / 116)
                .currency("EUR")
                .serial("till-7-" + Ids.random().substring(0, 6))
                .returnUrl(URI.create("https://shop.example/return?order=1"))
                .cancelUrl(URI.create("https://shop.example/cancel"))
                .clock(clock);
    }

    public String sign(Merchant merchant, Ticket ticket) {
        return merchant.signer().sign(ticket);
    }

    public String signedTicket(Merchant merchant, String customerId, long amountMinor) {
        return sign(merchant, ticket(merchant, customerId, amountMinor).build());
    }

    public MutableClock clock() {
        return clock;
    }

    /** The compact token with one claim's text changed and the original signature kept: a forgery. */
    public static String withClaimReplaced(String compact, String claim, String replacement) {
        String[] parts = compact.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        if (!payload.contains(claim)) {
            throw new IllegalArgumentException("no " + claim + " in " + payload);
        }
        String changed = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace(claim, replacement).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + changed + "." + parts[2];
    }

    /** Claims written by hand and signed with the key: for tickets the kit's builder would refuse to make. */
    public static String signRaw(OctetKeyPair key, String claimsJson) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                .type(new JOSEObjectType(TokenType.TICKET.mediaType()))
                .keyID(key.getKeyID())
                .build(), new Payload(claimsJson));
        try {
            jws.sign(new Ed25519JwsSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    /** The query parameter of a 303's Location, e.g. the voucher on the return URL. */
    public static Optional<String> redirectParameter(HttpResponse<String> response, String name) {
        return response.headers().firstValue("Location")
                .map(location -> UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst(name));
    }

    /** The "Return to the shop" link of a refusal page, unescaped; empty when the page offers none. */
    public static Optional<String> continueLink(HttpResponse<String> page) {
        Matcher link = CONTINUE_LINK.matcher(page.body());
        return link.find() ? Optional.of(link.group(1).replace("&amp;", "&")) : Optional.empty();
    }

    /** The merchant's own check of the voucher the browser brought back (the kit, JWKS fetched from us). */
    public Voucher verifiedVoucher(String compact, Ticket ticket) {
        try {
            return vouchers.verify(compact, ticket);
        } catch (VoucherRejectedException rejected) {
            throw new AssertionError("the merchant would refuse this voucher: " + rejected.code(), rejected);
        }
    }

    /** The merchant's own check of a refusal brought to its cancel URL. */
    public Refusal verifiedRefusal(String compact, Ticket ticket) {
        try {
            return refusals.verify(compact, ticket);
        } catch (RefusalRejectedException rejected) {
            throw new AssertionError("the merchant would refuse this refusal: " + rejected.code(), rejected);
        }
    }

    /** The same check for a ticket the merchant knows by its ids only (one that broke a format rule). */
    public Refusal verifiedRefusal(String compact, String ticketId, String merchantId, String orderId) {
        try {
            return refusals.verify(compact, ticketId, merchantId, orderId);
        } catch (RefusalRejectedException rejected) {
            throw new AssertionError("the merchant would refuse this refusal: " + rejected.code(), rejected);
        }
    }

    private JWKSet publishedKeys() throws IOException {
        try {
            return JWKSet.parse(http.get("/.well-known/jwks.json").body());
        } catch (ParseException e) {
            throw new IOException("the JWKS does not parse", e);
        }
    }
}
