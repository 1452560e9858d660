package dev.paygate.gateway.ticket;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.merchant.MerchantKey;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.gateway.security.CardNumbers;
import dev.paygate.merchant.jose.ExpiryCheck;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketRejectedException;
import dev.paygate.merchant.ticket.TicketVerifier;
import dev.paygate.merchant.ticket.UnverifiedTicket;
import dev.paygate.routes.order.PaymentOrder;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The ticket checks of docs/architecture.md step 3 that need no memory of earlier payments, in order: decode, merchant
 * known, signature valid with the merchant's registered key (a revoked key or a kid the merchant never
 * registered fails as {@code bad_signature}), claims valid, not expired. The replay check is the payment
 * flow's, since it answers with the outcome of the first use. Each failure says how far the ticket can be trusted
 * ({@link CheckedTicket.Invalid}, {@link CheckedTicket.Rejected}), which decides where its refusal may go.
 */
@Component
@EnableConfigurationProperties(TicketProperties.class)
public class TicketCheck {

    private static final Logger log = LoggerFactory.getLogger(TicketCheck.class);
    /** Explanations go into refusals (at most 500 characters with the wording around them) and webhooks. */
    private static final int EXPLANATION_LENGTH_MAX = 200;
    /**
     * The kit's verifier checks expiry before it hands out the ticket; an expired but genuine ticket still has
     * trustworthy ids and URLs for its refusal, so the kit is given a clock at which nothing has expired yet
     * and expiry is checked here, with the same rule.
     */
    private static final Clock BEFORE_ANY_EXPIRY = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    /** Made of constants only, and immutable: one for all checks. */
    private static final TicketVerifier SIGNATURE_AND_CLAIMS =
            new TicketVerifier(TicketCheck::keysAreLookedUpHere, BEFORE_ANY_EXPIRY, Duration.ZERO);

    private final MerchantKeys merchantKeys;
    private final ExpiryCheck expiry;
    private final TicketTimeRule times;

    public TicketCheck(MerchantKeys merchantKeys, TicketProperties properties, Clock clock) {
        this.merchantKeys = merchantKeys;
        this.expiry = new ExpiryCheck(clock, properties.clockSkew());
        this.times = new TicketTimeRule(clock, properties.clockSkew(), properties.validityMax());
    }

    public CheckedTicket check(String compactTicket) {
        UnverifiedTicket unverified;
        try {
            unverified = TicketVerifier.parse(compactTicket);
        } catch (TicketRejectedException undecodable) {
            String explanation = explanation(undecodable);
            log.info("Ticket refused: invalid_ticket: {}", explanation);
            return new CheckedTicket.Rejected(RefusalReason.INVALID_TICKET,
                    ClaimedSigner.read(compactTicket).flatMap(claimed -> sender(claimed, explanation)));
        }
        // One query on the way of every genuine ticket (the key row carries the merchant's name); the second
        // only tells an unknown merchant from a known one's unknown kid.
        Optional<MerchantKey> registered = merchantKeys.find(unverified.merchantId(), unverified.keyId());
        if (registered.isEmpty()) {
            if (merchantKeys.merchantName(unverified.merchantId()).isEmpty()) {
                return rejected(RefusalReason.UNKNOWN_MERCHANT, "no merchant " + unverified.merchantId());
            }
            // The kid resolves to none of the merchant's keys, so nothing says the merchant sent it.
            return rejected(RefusalReason.BAD_SIGNATURE,
                    "merchant " + unverified.merchantId() + " has no key " + unverified.keyId());
        }
        MerchantKey key = registered.get();
        if (!key.active()) {
            return untrusted(RefusalReason.BAD_SIGNATURE, key, unverified, false,
                    "signed under key " + key.kid() + ", which was retired");
        }
        Ticket ticket;
        try {
            ticket = SIGNATURE_AND_CLAIMS.verify(unverified, key.publicKey());
        } catch (TicketRejectedException rejected) {
            if (rejected.reason() == TicketRejectedException.Reason.BAD_SIGNATURE) {
                return untrusted(RefusalReason.BAD_SIGNATURE, key, unverified, false,
                        "the signature does not verify with key " + key.kid());
            }
            // The kit checks the signature first: any other rejection is of claims the merchant's key signed.
            return invalid(unverified, key, RefusalReason.of(rejected.reason().code()), explanation(rejected));
        }
        if (ticket.amountMinor() > PaymentOrder.AMOUNT_MINOR_MAX) {
            // Every limit the back unit enforces is checked here, so that no valid ticket fails after hand-over.
            return invalid(unverified, key, RefusalReason.INVALID_TICKET, "amountMinor " + ticket.amountMinor()
                    + " is above the largest payment, " + PaymentOrder.AMOUNT_MINOR_MAX);
        }
        Optional<String> badTimes = times.violation(ticket);
        if (badTimes.isPresent()) {
            return invalid(unverified, key, RefusalReason.INVALID_TICKET, badTimes.get());
        }
        // A refusal would carry the card number back in its oid, through a URL: the merchant hears by webhook.
        Optional<String> cardNumber = CardNumberRule.violation(ticket);
        if (cardNumber.isPresent()) {
            return untrusted(RefusalReason.INVALID_TICKET, key, unverified, true, cardNumber.get());
        }
        if (expiry.hasExpired(ticket.expiresAt())) {
            log.info("Ticket {} of merchant {} refused: ticket_expired: {}", ticket.ticketId(), ticket.merchantId(),
                    expiry.describeExpiry(ticket.expiresAt()));
            return new CheckedTicket.Expired(ticket, key.merchantName());
        }
        return new CheckedTicket.Valid(ticket, key.merchantName());
    }

    /**
     * Claims the merchant's key signed, yet broken: refused with a signed refusal to the ticket's cancel URL, when
     * the ids and that URL can be read and carry no card number; else the merchant hears by webhook.
     */
    private CheckedTicket invalid(UnverifiedTicket unverified, MerchantKey key, RefusalReason reason,
                                  String explanation) {
        Optional<String> ticketId = cleanId(unverified.ticketId());
        Optional<String> orderId = cleanId(unverified.orderId());
        Optional<URI> cancelUrl = unverified.cancelUrl()
                .filter(url -> !CardNumbers.containsCardNumber(url.toString()));
        if (ticketId.isEmpty() || orderId.isEmpty() || cancelUrl.isEmpty()) {
            return untrusted(reason, key, unverified, true, explanation
                    + "; and its jti, oid or cancelUrl cannot carry a refusal back");
        }
        log.info("Ticket {} of merchant {} refused: {}: {}", ticketId.get(), key.merchantId(), reason.code(),
                explanation);
        return new CheckedTicket.Invalid(ticketId.get(), key.merchantId(), orderId.get(), cancelUrl.get(),
                key.merchantName(), reason, explanation);
    }

    /** Refused without a way back through the ticket; the merchant whose key it names is told. */
    private static CheckedTicket untrusted(RefusalReason reason, MerchantKey key, UnverifiedTicket unverified,
                                           boolean signatureVerified, String explanation) {
        log.info("Ticket of merchant {} refused: {}: {}", key.merchantId(), reason.code(), explanation);
        return new CheckedTicket.Rejected(reason, Optional.of(new CheckedTicket.Sender(key.merchantId(),
                key.merchantName(), key.kid(), signatureVerified, explanation, cleanId(unverified.ticketId()),
                cleanId(unverified.orderId()))));
    }

    /**
     * The merchant an undecodable token names: its kid must be one of the claimed {@code mid}'s keys or, when no
     * {@code mid} can be read, the key of exactly one merchant.
     */
    private Optional<CheckedTicket.Sender> sender(ClaimedSigner claimed, String explanation) {
        List<MerchantKey> holders = merchantKeys.findByKid(claimed.keyId()).stream()
                .filter(key -> claimed.merchantId().map(key.merchantId()::equals).orElse(true))
                .toList();
        if (holders.size() != 1) {
            return Optional.empty();
        }
        MerchantKey key = holders.getFirst();
        String why = claimed.algorithm().filter(alg -> !alg.equals(JWSAlgorithm.EdDSA.getName()))
                .map(alg -> "alg must be EdDSA, not " + alg)
                .orElse(explanation);
        return Optional.of(new CheckedTicket.Sender(key.merchantId(), key.merchantName(), key.kid(), false, why,
                claimed.ticketId(), claimed.orderId()));
    }

    private static CheckedTicket rejected(RefusalReason reason, String detail) {
        log.info("Ticket refused: {}: {}", reason.code(), detail);
        return new CheckedTicket.Rejected(reason, Optional.empty());
    }

    private static Optional<String> cleanId(Optional<String> claimed) {
        return claimed.filter(ClaimedSigner::isCleanId);
    }

    /** The kit's reason without its code prefix, masked and bounded: it may quote a piece of the token. */
    private static String explanation(TicketRejectedException rejected) {
        String message = rejected.getMessage();
        String prefix = rejected.reason().code() + ": ";
        String detail = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        String masked = CardNumbers.mask(detail);
        return masked.length() <= EXPLANATION_LENGTH_MAX ? masked : masked.substring(0, EXPLANATION_LENGTH_MAX) + "...";
    }

    /** Keys are looked up by {@link #check} itself, to tell an unknown merchant from a bad key. */
    private static Optional<OctetKeyPair> keysAreLookedUpHere(String merchantId, String keyId) {
        return Optional.empty();
    }
}
