package dev.paygate.gateway.voucher;

import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.merchant.voucher.VoucherSigner;
import dev.paygate.routes.order.Decision;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Builds and signs the cash voucher for an approved ticket (docs/architecture.md step 7): the ticket's ids, amounts and
 * serial, the back unit's register serial and settlement path, approval code and RRN for card payments. Signs too the
 * refusal the browser carries to the merchant's cancel URL instead, with the same key and validity.
 */
@Component
public record VoucherIssuer(VoucherSigner signer, VoucherProperties properties, Clock clock) {

    /** @throws IllegalArgumentException when the decision is not an approval this ticket can carry */
    public StoredVoucher issue(Ticket ticket, String customerId, Decision decision) {
        if (decision.outcome() != Decision.Outcome.APPROVED || !ticket.ticketId().equals(decision.ticketId())) {
            throw new IllegalArgumentException("not an approval of ticket " + ticket.ticketId() + ": "
                    + decision.outcome() + " of " + decision.ticketId());
        }
        if (decision.registerSerial() == null || decision.path() == null) {
            throw new IllegalArgumentException("an approval of ticket " + ticket.ticketId()
                    + " lacks its register serial or settlement path");
        }
        Voucher.Builder builder = Voucher.forTicket(ticket)
                .customerId(customerId)
                .registerSerial(decision.registerSerial())
                .issuedAt(clock.instant())
                .validFor(properties.validity());
        switch (decision.path()) {
            case WALLET -> builder.wallet();
            case CARD -> builder.card(decision.authCode(), decision.rrn());
            case AUTH_ONLY -> builder.authenticationOnly();
        }
        Voucher voucher = builder.build();
        return new StoredVoucher(voucher.voucherId(), voucher.ticketId(), voucher.merchantId(), voucher.customerId(),
                voucher.orderId(), signer.sign(voucher), voucher.issuedAt(), voucher.expiresAt());
    }

    public String refuse(Ticket ticket, RefusalReason reason, String message) {
        return refuse(ticket.ticketId(), ticket.merchantId(), ticket.orderId(), reason, message);
    }

    /** For a ticket known by its ids only: signed by the merchant, but with claims that break a rule. */
    public String refuse(String ticketId, String merchantId, String orderId, RefusalReason reason, String message) {
        Instant now = clock.instant();
        return signer.sign(new Refusal(ticketId, merchantId, orderId, reason, message, now,
                now.plus(properties.validity())));
    }
}
