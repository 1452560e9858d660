package dev.paygate.gateway.payment;

import dev.paygate.gateway.voucher.StoredVoucher;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import java.net.URI;

/** What the payment page answers the browser with. */
sealed interface PaymentOutcome {

    /** The checked ticket, to show with Confirm and Cancel. */
    record ShowPage(Ticket ticket, String merchantName, String compactTicket) implements PaymentOutcome {
    }

    /** 303 to the merchant: the return URL with the voucher, or the cancel URL with the signed refusal. */
    record ToMerchant(URI location) implements PaymentOutcome {
    }

    /**
     * A page that says why. {@code continueTo} leads to the merchant: with the signed refusal, or the first outcome
     * of a used ticket, when the ticket is the merchant's ({@link Trust#SIGNED}); to the merchant's registered
     * shop address when the ticket's own URLs cannot be used; null when there is neither. {@code retryTicket}
     * offers the payment page again when the customer may simply retype the password.
     */
    record Refused(RefusalReason reason, String message, String merchantName, URI continueTo, String retryTicket,
                   Trust trust) implements PaymentOutcome {

        /** A refusal of a ticket the merchant signed: its link carries the refusal or the first outcome. */
        Refused(RefusalReason reason, String message, String merchantName, URI continueTo, String retryTicket) {
            this(reason, message, merchantName, continueTo, retryTicket, Trust.SIGNED);
        }
    }

    /** How far a refused ticket could be trusted: it decides where the page's link leads and what it says. */
    enum Trust {
        /** Signed by the merchant's key: the link is the ticket's own cancel or return URL. */
        SIGNED,
        /** Signed by the merchant's key but unusable (say, a card number in it): the link is the shop's registered address. */
        SIGNED_UNUSABLE,
        /** It names a merchant's key, but could not be verified as that merchant's: the link is the shop's registered address. */
        NAMES_MERCHANT,
        /** Nothing in it could be trusted, not even whose it is: no link. */
        UNKNOWN
    }

    /**
     * Opening a ticket that was paid already (a reload, or Back from the shop): say so, show the voucher copy, and
     * lead on to the shop with it.
     */
    record AlreadyPaid(String merchantName, URI continueTo, StoredVoucher voucher) implements PaymentOutcome {
    }

    /** Handed over, decision not known yet: say so honestly and offer the status link. */
    record Pending(String ticketId, String merchantName) implements PaymentOutcome {
    }

    /** No such ticket was ever used here. */
    record UnknownTicket(String ticketId) implements PaymentOutcome {
    }
}
