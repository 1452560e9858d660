package dev.paygate.gateway.payment;

import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketItem;
import java.util.List;
import java.util.Locale;

/**
 * What pay.html shows: amounts already formatted for the currency and the reader's locale.
 *
 * @param askCustomerId true when the ticket names no customer, so the page asks who pays
 * @param authenticationOnly true for a zero amount: the customer only proves who they are
 * @param payingWith         how the payment will be settled, e.g. "from your Paygate wallet"; null when unknown
 */
record PaymentPage(String merchantName, String merchantId, String orderId, List<Line> lines, String vat, String total,
                   boolean askCustomerId, String customerId, boolean authenticationOnly, String ticket,
                   String payingWith) {

    record Line(String label, String ref, long quantity, String unitPrice, String lineTotal) {
    }

    static PaymentPage of(Ticket ticket, String merchantName, String compactTicket, String payingWith, Locale locale) {
        List<Line> lines = ticket.items().stream()
                .map(item -> line(item, ticket.currency(), locale))
                .toList();
        return new PaymentPage(merchantName, ticket.merchantId(), ticket.orderId(), lines,
                MoneyFormat.format(ticket.vatMinor(), ticket.currency(), locale),
                MoneyFormat.format(ticket.amountMinor(), ticket.currency(), locale),
                ticket.customerId() == null, ticket.customerId(), ticket.amountMinor() == 0, compactTicket, payingWith);
    }

    private static Line line(TicketItem item, String currency, Locale locale) {
        return new Line(item.label(), item.ref(), item.quantity(),
                MoneyFormat.format(item.unitAmountMinor(), currency, locale),
                MoneyFormat.format(item.lineTotalMinor(), currency, locale));
    }
}
