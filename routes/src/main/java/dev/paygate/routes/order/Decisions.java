package dev.paygate.routes.order;

import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.SettlementPath;
import java.time.Instant;

/** From the register's rows to the decisions the back unit answers. */
public final class Decisions {

    private Decisions() {
    }

    public static Decision of(RegisterEntry entry) {
        Instant decidedAt = entry.completedAt() != null ? entry.completedAt() : entry.registeredAt();
        SettlementPath path = entry.path();
        return switch (entry.status()) {
            case APPROVED -> new Decision(entry.ticketId(), Decision.Outcome.APPROVED, path, entry.serial(),
                    entry.authCode(), entry.rrn(), null, decidedAt);
            case REFUSED -> refused(entry, path, entry.reason(), decidedAt);
            // A reversed card payment was never charged: to the customer it is an unanswered issuer.
            case REVERSED -> refused(entry, path, RefusalReason.ISSUER_UNAVAILABLE.code(), decidedAt);
            case PENDING -> Decision.pending(entry.ticketId(), decidedAt);
        };
    }

    private static Decision refused(RegisterEntry entry, SettlementPath path, String reason, Instant decidedAt) {
        return new Decision(entry.ticketId(), Decision.Outcome.REFUSED, path, entry.serial(), null, entry.rrn(),
                reason, decidedAt);
    }
}
