package dev.paygate.gateway.operator;

import dev.paygate.ledger.invariant.LedgerInvariants;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The ledger invariant check as an actuator endpoint, so a back-only process (no HTTP listener) answers it
 * over JMX; over HTTP it is {@code /actuator/ledgerinvariants} once listed in
 * {@code management.endpoints.web.exposure.include}, behind the operator's HTTP Basic.
 */
@Endpoint(id = "ledgerinvariants")
public class LedgerInvariantsEndpoint {

    private final LedgerInvariants invariants;

    public LedgerInvariantsEndpoint(LedgerInvariants invariants) {
        this.invariants = invariants;
    }

    @ReadOperation
    public InvariantReportView report() {
        return InvariantReportView.of(invariants.check());
    }
}
