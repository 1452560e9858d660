package dev.paygate.gateway.operator;

import dev.paygate.gateway.payment.MoneyFormat;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.ledger.register.Posting;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.routes.account.AccountAnswer;
import java.util.List;
import java.util.Locale;

/**
 * One payment's dispute trail as the console shows it, oldest event first: the register entry with the card
 * network's references, the basket, every ledger posting it caused, and its reversal. Amounts are formatted for
 * people, times are ISO-8601 UTC instants; nothing here holds card data.
 */
record PaymentTrailView(String ticketId, long serial, String status, String reason, String path, String merchantId,
                        String merchantName, String customerId, String orderId, String merchantSerial, String amount,
                        String vat, String refunded, String network, String stan, String rrn, String authCode,
                        String lateOutcome, String authenticatedAt, String registeredAt, String completedAt,
                        List<Item> items, List<PostingView> postings, List<ReversalView> reversals) {

    record Item(String ref, String label, int quantity, String amount) {
    }

    /** @param from the account code money left; {@code to} the one it reached */
    record PostingView(long transferId, String kind, String from, String to, String amount, String postedAt) {
    }

    static PaymentTrailView of(AccountAnswer.PaymentTrail trail, String merchantName) {
        RegisterEntry entry = trail.entry();
        String currency = entry.currency();
        return new PaymentTrailView(entry.ticketId(), entry.serial(), entry.status().name().toLowerCase(Locale.ROOT),
                entry.reason(), entry.path().code(), entry.merchantId(), merchantName, entry.customerId(),
                entry.orderId(), entry.merchantSerial(), money(entry.amountMinor(), currency),
                money(entry.vatMinor(), currency), entry.refundedMinor() == 0 ? null : money(entry.refundedMinor(), currency),
                entry.network(), entry.stan(), entry.rrn(), entry.authCode(),
                entry.lateOutcome() == null ? null : entry.lateOutcome().summary(),
                OperatorTimes.text(entry.authenticatedAt()), OperatorTimes.text(entry.registeredAt()),
                OperatorTimes.text(entry.completedAt()),
                trail.items().stream().map(item -> item(item, currency)).toList(),
                trail.postings().stream().map(PaymentTrailView::posting).toList(),
                trail.reversals().stream().map(ReversalView::of).toList());
    }

    public boolean byCard() {
        return "card".equals(path);
    }

    private static Item item(OrderItem item, String currency) {
        return new Item(item.ref(), item.label(), item.quantity(), money(item.amountMinor(), currency));
    }

    private static PostingView posting(Posting posting) {
        return new PostingView(posting.transferId(), posting.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                posting.debitAccount(), posting.creditAccount(), money(posting.amountMinor(), posting.currency()),
                OperatorTimes.text(posting.postedAt()));
    }

    private static String money(long amountMinor, String currency) {
        return MoneyFormat.format(amountMinor, currency, Locale.ENGLISH);
    }
}
