package dev.paygate.gateway.ticket;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.merchant.MerchantKey;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.merchant.jose.ExpiryCheck;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketRejectedException;
import dev.paygate.merchant.ticket.TicketVerifier;
import dev.paygate.merchant.ticket.UnverifiedTicket;
import dev.paygate.routes.order.PaymentOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The ticket checks of docs/architecture.md step 3 that need no memory of earlier payments, in order: decode, merchant
 * known, signature valid with the merchant's registered key (a revoked key or a kid the merchant never
 * registered fails as {@code bad_signature}), claims valid, not expired. The replay check is the payment
 * flow's, since it answers with the outcome of the first use.
 */
@Component
@EnableConfigurationProperties(TicketProperties.class)
public class TicketCheck {

    private static final Logger log = LoggerFactory.getLogger(TicketCheck.class);
    /**
     * The kit's verifier checks expiry before it hands out the ticket; an expired but genuine ticket still has
     * trustworthy ids and URLs for its refusal, so the kit is given a clock at which nothing has expired yet
     * and expiry is checked here, with the same rule.
     */
    private static final Clock BEFORE_ANY_EXPIRY = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private final MerchantKeys merchantKeys;
    private final TicketVerifier signatureAndClaims;
    private final ExpiryCheck expiry;
    private final TicketTimeRule times;

    public TicketCheck(MerchantKeys merchantKeys, TicketProperties properties, ObjectProvider<Clock> clock) {
        this.merchantKeys = merchantKeys;
        this.signatureAndClaims = new TicketVerifier(TicketCheck::keysAreLookedUpHere, BEFORE_ANY_EXPIRY, Duration.ZERO);
        Clock now = clock.getIfUnique(Clock::systemUTC);
        this.expiry = new ExpiryCheck(now, properties.clockSkew());
        this.times = new TicketTimeRule(now, properties.clockSkew(), properties.validityMax());
    }

    public CheckedTicket check(String compactTicket) {
        UnverifiedTicket unverified;
        try {
            unverified = TicketVerifier.parse(compactTicket);
        } catch (TicketRejectedException undecodable) {
            return rejected(RefusalReason.INVALID_TICKET, undecodable.getMessage());
        }
        Optional<String> merchantName = merchantKeys.merchantName(unverified.merchantId());
        if (merchantName.isEmpty()) {
            return rejected(RefusalReason.UNKNOWN_MERCHANT, "no merchant " + unverified.merchantId());
        }
        Optional<MerchantKey> key = merchantKeys.find(unverified.merchantId(), unverified.keyId())
                .filter(MerchantKey::active);
        if (key.isEmpty()) {
            return rejected(RefusalReason.BAD_SIGNATURE,
                    "merchant " + unverified.merchantId() + " has no active key " + unverified.keyId());
        }
        Ticket ticket;
        try {
            ticket = signatureAndClaims.verify(unverified, key.get().publicKey());
        } catch (TicketRejectedException rejected) {
            return rejected(RefusalReason.of(rejected.reason().code()), rejected.getMessage());
        }
        if (ticket.amountMinor() > PaymentOrder.AMOUNT_MINOR_MAX) {
            // Every limit the back unit enforces is checked here, so that no valid ticket fails after hand-over.
            return rejected(RefusalReason.INVALID_TICKET, "amountMinor " + ticket.amountMinor()
                    + " is above the largest payment, " + PaymentOrder.AMOUNT_MINOR_MAX);
        }
        // Genuine, yet refused without a signed refusal: it would carry the offending claims back to the merchant.
        Optional<String> unacceptable = times.violation(ticket).or(() -> CardNumberRule.violation(ticket));
        if (unacceptable.isPresent()) {
            return rejected(RefusalReason.INVALID_TICKET, "ticket " + ticket.ticketId() + " of merchant "
                    + ticket.merchantId() + ": " + unacceptable.get());
        }
        if (expiry.hasExpired(ticket.expiresAt())) {
            log.info("Ticket {} of merchant {} refused: ticket_expired: {}", ticket.ticketId(), ticket.merchantId(),
                    expiry.describeExpiry(ticket.expiresAt()));
            return new CheckedTicket.Expired(ticket, merchantName.get());
        }
        return new CheckedTicket.Valid(ticket, merchantName.get());
    }

    private static CheckedTicket rejected(RefusalReason reason, String detail) {
        log.info("Ticket refused: {}: {}", reason.code(), detail);
        return new CheckedTicket.Rejected(reason);
    }

    /** Keys are looked up by {@link #check} itself, to tell an unknown merchant from a bad key. */
    private static Optional<OctetKeyPair> keysAreLookedUpHere(String merchantId, String keyId) {
        return Optional.empty();
    }
}
