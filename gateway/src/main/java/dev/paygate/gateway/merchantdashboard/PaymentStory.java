package dev.paygate.gateway.merchantdashboard;

import dev.paygate.gateway.payment.UsedTickets;
import dev.paygate.gateway.voucher.StoredVoucher;
import dev.paygate.gateway.voucher.VoucherStore;
import dev.paygate.gateway.webhook.EventView;
import dev.paygate.gateway.webhook.WebhookOutbox;
import dev.paygate.ledger.register.MerchantPayments;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.account.AccountDesk;
import dev.paygate.routes.account.AccountDeskException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One payment's whole story for its merchant, from both units: the ticket as the customer's browser brought it and
 * what the front answered (the front's records), the back unit's decision and refunds (the register, over the
 * back-office channel), the voucher, and every webhook sent about it with each delivery attempt.
 */
@Component
record PaymentStory(AccountDesk desk, UsedTickets usedTickets, VoucherStore vouchers, WebhookOutbox webhooks) {

    /** Empty when neither unit knows the ticket as this merchant's. */
    Optional<View> of(String merchantId, String ticketId, DashboardFormat format) {
        Optional<UsedTickets.UsedTicket> used = usedTickets.find(ticketId)
                .filter(found -> found.merchantId().equals(merchantId));
        Optional<AccountAnswer.MerchantPayment> registered = registered(merchantId, ticketId);
        if (used.isEmpty() && registered.isEmpty()) {
            return Optional.empty();
        }
        List<EventView> events = webhooks.forTicket(merchantId, ticketId);
        return Optional.of(new View(ticketId,
                registered.map(payment -> Decision.of(payment.entry(), format)).orElse(null),
                used.map(ticket -> TicketView.of(ticket, format)).orElse(null),
                used.flatMap(UsedTickets.UsedTicket::storedRefusal).orElse(null),
                used.map(UsedTickets.UsedTicket::voucherId).flatMap(vouchers::find).map(VoucherView::of).orElse(null),
                registered.map(payment -> refunds(payment, format)).orElse(List.of()),
                registered.flatMap(payment -> refundable(payment.entry(), format)).orElse(null),
                EventRow.of(events, webhooks.attempts(events))));
    }

    private Optional<AccountAnswer.MerchantPayment> registered(String merchantId, String ticketId) {
        try {
            return Optional.of(desk.merchantPayment(merchantId, ticketId));
        } catch (AccountDeskException unknown) {
            if (AccountDeskException.UNAVAILABLE.equals(unknown.reason())) {
                throw unknown;
            }
            return Optional.empty();
        }
    }

    private static List<RefundRow> refunds(AccountAnswer.MerchantPayment payment, DashboardFormat format) {
        return payment.refunds().stream().map(refund -> new RefundRow(refund.refundId(),
                format.money(refund.amountMinor(), refund.currency()), refund.to(), refund.idempotencyKey(),
                DashboardFormat.time(refund.refundedAt()))).toList();
    }

    /** What may still be refunded: approved payments that moved money, less what was refunded already. */
    private static Optional<Refundable> refundable(RegisterEntry entry, DashboardFormat format) {
        long leftMinor = entry.amountMinor() - entry.refundedMinor();
        if (entry.status() != RegisterStatus.APPROVED || entry.path() == SettlementPath.AUTH_ONLY || leftMinor <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Refundable(format.money(leftMinor, entry.currency()), entry.currency(),
                entry.path() == SettlementPath.CARD ? "the card" : "the wallet"));
    }

    /**
     * @param decision null when the back unit registered nothing (the customer cancelled, or the order was refused
     *                 before it reached the back unit)
     * @param ticket   null when the payment did not come through the payment page
     * @param refusal  the signed refusal the customer carried back, if any
     * @param refundable null when nothing more can be refunded
     */
    record View(String ticketId, Decision decision, TicketView ticket, Refusal refusal, VoucherView voucher,
                List<RefundRow> refunds, Refundable refundable, List<EventRow> webhooks) {
    }

    /** The back unit's decision as the register keeps it. */
    record Decision(String status, String reason, String path, long registerSerial, String customerId,
                    String amount, String vat, String refunded, String network, String authCode, String rrn,
                    String stan, String lateOutcome, String authenticatedAt, String registeredAt, String completedAt) {

        static Decision of(RegisterEntry entry, DashboardFormat format) {
            return new Decision(entry.status().name(), entry.reason(), entry.path().code(), entry.serial(),
                    entry.customerId(), format.money(entry.amountMinor(), entry.currency()),
                    format.money(entry.vatMinor(), entry.currency()),
                    format.money(entry.refundedMinor(), entry.currency()), entry.network(), entry.authCode(),
                    entry.rrn(), entry.stan(),
                    entry.lateOutcome() == null ? null : entry.lateOutcome().summary(), DashboardFormat.time(entry.authenticatedAt()),
                    DashboardFormat.time(entry.registeredAt()), DashboardFormat.time(entry.completedAt()));
        }
    }

    /** The ticket the customer's browser brought, and what the front answered it with. */
    record TicketView(String compact, String outcome, String claimedAt, String orderId, String merchantSerial,
                      String customerId, String type, List<ItemRow> items, String amount, String vat,
                      String issuedAt, String expiresAt, String returnUrl, String cancelUrl) {

        record ItemRow(String ref, String label, long quantity, String unitAmount, String lineTotal) {
        }

        static TicketView of(UsedTickets.UsedTicket used, DashboardFormat format) {
            Ticket ticket = used.storedTicket();
            return new TicketView(used.ticket(), DashboardFormat.word(used.outcome().name()),
                    DashboardFormat.time(used.createdAt()), ticket.orderId(), ticket.serial(), ticket.customerId(),
                    ticket.type().code(),
                    ticket.items().stream().map(item -> new ItemRow(item.ref(), item.label(), item.quantity(),
                            format.money(item.unitAmountMinor(), ticket.currency()),
                            format.money(item.lineTotalMinor(), ticket.currency()))).toList(),
                    format.money(ticket.amountMinor(), ticket.currency()),
                    format.money(ticket.vatMinor(), ticket.currency()), DashboardFormat.time(ticket.issuedAt()),
                    DashboardFormat.time(ticket.expiresAt()), ticket.returnUrl().toString(),
                    ticket.cancelUrl().toString());
        }
    }

    /** @param compact the voucher exactly as signed: a copy verifies like the original */
    record VoucherView(String voucherId, String issuedAt, String compact) {

        static VoucherView of(StoredVoucher voucher) {
            return new VoucherView(voucher.voucherId(), DashboardFormat.time(voucher.createdAt()), voucher.compact());
        }
    }

    /** @param to {@code wallet} or {@code card} */
    record RefundRow(long refundId, String amount, String to, String idempotencyKey, String refundedAt) {
    }

    /** @param goesTo where a refund goes, for people: "the wallet" or "the card" */
    record Refundable(String left, String currency, String goesTo) {
    }
}
