package dev.paygate.gateway.operator;

import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.routes.account.AccountDesk;
import dev.paygate.routes.account.AccountDeskException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The console's payment data, asked of the back unit over the back-office channel (the front unit holds no ledger
 * credentials) and named with what the front knows itself: merchants' registered names. Throws
 * {@link AccountDeskException} when the back unit does not answer in time, or {@code unknown_ticket}.
 */
@Component
@AllInOne
record ConsolePayments(AccountDesk desk, MerchantKeys merchantKeys) {

    static final int REVERSALS_SHOWN_MAX = 100;
    static final int SWEEPS_SHOWN_MAX = 60;

    /** @param status a register status name, or null for all */
    List<PaymentRowView> search(String term, String status, int limit) {
        Map<String, String> names = new HashMap<>();
        return desk.searchPayments(term, status, limit).entries().stream()
                .map(entry -> PaymentRowView.of(entry, names.computeIfAbsent(entry.merchantId(), this::merchantName)))
                .toList();
    }

    PaymentTrailView trail(String ticketId) {
        var trail = desk.paymentTrail(ticketId);
        return PaymentTrailView.of(trail, merchantName(trail.entry().merchantId()));
    }

    /** The payment's ISO 8583 messages, masked, oldest first. */
    List<PaymentMessagesView.MessageView> messages(String ticketId) {
        return PaymentMessagesView.of(desk.paymentMessages(ticketId)).messages();
    }

    List<ReversalView> unsettledReversals() {
        return desk.unsettledReversals(REVERSALS_SHOWN_MAX).reversals().stream().map(ReversalView::of).toList();
    }

    List<SweepRunView> sweepRuns() {
        return desk.sweepRuns(SWEEPS_SHOWN_MAX).runs().stream().map(SweepRunView::of).toList();
    }

    private String merchantName(String merchantId) {
        return merchantKeys.merchantName(merchantId).orElse(merchantId);
    }
}
