package dev.paygate.faults;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.merchant.jose.HttpJwksSource;
import dev.paygate.merchant.jose.JwksKeyResolver;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalRejectedException;
import dev.paygate.merchant.refusal.RefusalVerifier;
import dev.paygate.merchant.ticket.PayLink;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import dev.paygate.merchant.voucher.ReturnParameters;
import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.merchant.voucher.VoucherRejectedException;
import dev.paygate.merchant.voucher.VoucherVerifier;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A merchant of the run: signs tickets with merchant-kit and verifies what comes back on its return and cancel
 * URLs; with an API key, it refunds over the merchant API.
 */
final class Merchant {

    // The checker re-reads stored vouchers and refusals long after their 60 s life, across restarts: it checks
    // signature and match at the token's own issue time, not freshness. Probes check freshness.
    private static final Duration CHECKER_CLOCK_SKEW = Duration.ZERO;

    private static final String TICKET_USED = "ticket_used";
    private static final Duration JWKS_REFETCH_INTERVAL_MIN = Duration.ofSeconds(1);

    private final String merchantId;
    private final TicketSigner signer;
    private final PayLink payLink;
    private final URI shopBase;
    private final JwksKeyResolver serverKeys;
    private final JsonHttp api;
    private final AtomicLong serials = new AtomicLong();

    /** @param api the merchant API with this merchant's key; null where the run has none (the local cluster) */
    Merchant(String merchantId, OctetKeyPair privateKey, URI gateway, URI shopBase, JsonHttp api) {
        this.merchantId = merchantId;
        this.signer = new TicketSigner(privateKey);
        this.payLink = new PayLink(gateway);
        this.shopBase = shopBase;
        // Asks again a second after a failed fetch (not the library's 30 s): the gateway may just be restarting.
        this.serverKeys = new JwksKeyResolver(new HttpJwksSource(gateway.resolve("/.well-known/jwks.json")),
                Clock.systemUTC(), JWKS_REFETCH_INTERVAL_MIN, JwksKeyResolver.DEFAULT_TIME_TO_LIVE);
        this.api = api;
    }

    String merchantId() {
        return merchantId;
    }

    JwksKeyResolver serverKeys() {
        return serverKeys;
    }

    JsonHttp api() {
        return api;
    }

    Ticket ticket(long amountMinor, Duration validity) {
        long serial = serials.incrementAndGet();
        // Base 36: a long decimal run in an order id could pass for a card number in the PAN sweep.
        return Ticket.simple(merchantId, "order-" + serial + "-" + Long.toString(System.nanoTime(), 36))
                .amountMinor(amountMinor).vatMinor(amountMinor / 6).currency("EUR").serial("F-" + serial)
                .returnUrl(shopBase.resolve("/paygate/return")).cancelUrl(shopBase.resolve("/paygate/cancel"))
                .validFor(validity)
                .build();
    }

    String sign(Ticket ticket) {
        return signer.sign(ticket);
    }

    URI payUrl(String compactTicket) {
        return payLink.payUrl(compactTicket);
    }

    /**
     * Reads the gateway's answer to a confirm or a status look into the ticket's view: a 303 to the return URL
     * carries a voucher, which must verify against the ticket; one to the cancel URL a signed refusal; a refusal
     * page its reason code; 202 is still pending.
     */
    void record(Browser.Page page, Ticket ticket, ClientView view) throws VoucherRejectedException, RefusalRejectedException {
        Optional<String> voucher = page.location().flatMap(ReturnParameters::voucher);
        Optional<String> refusal = page.location().flatMap(ReturnParameters::refusal);
        if (voucher.isPresent()) {
            Voucher verified = VoucherVerifier.builder(serverKeys).clock(issuedAt(voucher.get()))
                    .clockSkew(CHECKER_CLOCK_SKEW).replayCache((voucherId, rememberUntil) -> true).build()
                    .verify(voucher.get(), ticket);
            view.approved(verified.voucherId(), voucher.get());
        } else if (refusal.isPresent()) {
            Refusal verified = new RefusalVerifier(serverKeys, issuedAt(refusal.get()), CHECKER_CLOCK_SKEW)
                    .verify(refusal.get(), ticket);
            view.refused(verified.reason().code());
        } else if (page.status() >= 400) {
            // "ticket_used" is the page of a ticket opened again, not its outcome: that one is on the status page.
            page.reasonCode().filter(reason -> !reason.equals(TICKET_USED)).ifPresent(view::refused);
        }
    }

    /** A clock standing at the token's {@code iat}; an unreadable token gets the present, and fails on its own. */
    private static Clock issuedAt(String compact) {
        try {
            Object issuedAtSeconds = JWSObject.parse(compact).getPayload().toJSONObject().get("iat");
            if (issuedAtSeconds instanceof Number seconds) {
                return Clock.fixed(Instant.ofEpochSecond(seconds.longValue()), ZoneOffset.UTC);
            }
        } catch (ParseException unreadable) {
            // The verifier names what is wrong with it.
        }
        return Clock.systemUTC();
    }
}
