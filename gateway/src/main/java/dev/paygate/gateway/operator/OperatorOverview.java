package dev.paygate.gateway.operator;

import dev.paygate.gateway.auth.AlertLog;
import dev.paygate.gateway.auth.CustomerCredentials;
import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.reversal.ReversalQueue;
import java.util.List;
import org.springframework.stereotype.Component;

/** What operators look at in this process: card network links, reversals waiting, ledger invariants, alerts. */
@Component
@AllInOne
class OperatorOverview {

    private final CardNetworks networks;
    private final ReversalQueue reversals;
    private final LedgerInvariants invariants;
    private final AlertLog alerts;
    private final CustomerCredentials credentials;

    OperatorOverview(CardNetworks networks, ReversalQueue reversals, LedgerInvariants invariants, AlertLog alerts,
                     CustomerCredentials credentials) {
        this.networks = networks;
        this.reversals = reversals;
        this.invariants = invariants;
        this.alerts = alerts;
        this.credentials = credentials;
    }

    List<NetworkView> networks() {
        return networks.names().stream()
                .sorted()
                .map(name -> NetworkView.of(name, networks.isConnected(name), networks.state(name)))
                .toList();
    }

    int pendingReversals() {
        return reversals.pendingCount();
    }

    /** Reads the whole journal on one snapshot: its cost grows with the ledger. */
    InvariantReportView invariants() {
        return InvariantReportView.of(invariants.check());
    }

    /** The newest alerts first, at most {@code limit}, each with whether its customer is still locked. */
    List<AlertView> alerts(int limit) {
        return alerts.recent(limit).stream()
                .map(alert -> AlertView.of(alert, credentials.isLocked(alert.customerId())))
                .toList();
    }
}
