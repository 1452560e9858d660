package dev.paygate.gateway.operator;

import dev.paygate.gateway.auth.AlertLog;
import dev.paygate.gateway.auth.CustomerCredentials;
import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.routes.networkdesk.NetworkDesk;
import dev.paygate.routes.reversal.ReversalQueue;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What operators look at: every back unit's card network links, reversals waiting, ledger invariants, alerts,
 * refusals.
 */
@Component
@AllInOne
record OperatorOverview(NetworkDesk networkDesk, ReversalQueue reversalQueue, LedgerInvariants ledgerInvariants,
        AlertLog alertLog, CustomerCredentials credentials, PaymentRegister register) {

    static final int LATE_ANSWERS_SHOWN_MAX = 10;

    /** Each back unit's links as it reports them now (the back units own the links; there may be several). */
    NetworkDesk.DeskAnswer networks() {
        return networkDesk.status();
    }

    int pendingReversals() {
        return reversalQueue.pendingCount();
    }

    /** Reads the whole journal on one snapshot: its cost grows with the ledger. */
    InvariantReportView invariants() {
        return InvariantReportView.of(ledgerInvariants.check());
    }

    /** The newest alerts first, at most {@code limit}, each with whether its customer is still locked. */
    List<AlertView> alerts(int limit) {
        return alertLog.recent(limit).stream()
                .map(alert -> AlertView.of(alert, credentials.isLocked(alert.customerId())))
                .toList();
    }

    /** The latest answers that came after their card request had timed out, newest first; none was paid. */
    List<LateAnswerView> recentLateAnswers() {
        return register.recentLateAnswers(LATE_ANSWERS_SHOWN_MAX).stream().map(LateAnswerView::of).toList();
    }
}
