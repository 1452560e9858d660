package dev.paygate.ledger.invariant;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The result of one invariant check, taken on one consistent snapshot of the ledger. */
public record InvariantReport(Instant checkedAt, List<InvariantViolation> violations) {

    public InvariantReport {
        Objects.requireNonNull(checkedAt, "checkedAt");
        violations = List.copyOf(violations);
    }

    public boolean healthy() {
        return violations.isEmpty();
    }

    @Override
    public String toString() {
        if (healthy()) {
            return "ledger healthy at " + checkedAt;
        }
        return violations.size() + " ledger invariant violation(s) at " + checkedAt + ":\n"
                + violations.stream().map(violation -> "  " + violation).collect(Collectors.joining("\n"));
    }
}
