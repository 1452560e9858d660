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
     * A page that says why. {@code continueTo} leads to the merchant (with the signed refusal, or the first
     * outcome of a used ticket); it is null when the ticket's URLs cannot be trusted. {@code retryTicket} offers
     * the payment page again when the customer may simply retype the password.
     */
    record Refused(RefusalReason reason, String message, String merchantName, URI continueTo, String retryTicket)
            implements PaymentOutcome {
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
