package dev.paygate.gateway.operator;

import dev.paygate.ledger.invariant.InvariantReport;
import dev.paygate.ledger.invariant.InvariantViolation;
import java.util.List;

/**
 * The ledger invariant report as operators read it, in JSON (API, actuator over HTTP and JMX) and on the
 * console. {@code checkedAt} is an ISO-8601 UTC instant as text, so every JSON mapper writes it the same way.
 */
public record InvariantReportView(boolean healthy, String checkedAt, List<Violation> violations) {

    public InvariantReportView {
        violations = List.copyOf(violations);
    }

    public static InvariantReportView of(InvariantReport report) {
        return new InvariantReportView(report.healthy(), OperatorTimes.text(report.checkedAt()),
                report.violations().stream().map(Violation::of).toList());
    }

    /**
     * One broken rule with both sides of the comparison.
     *
     * @param rule        the rule's name, e.g. {@code BALANCES_SUM_TO_ZERO}
     * @param subject     what is broken: a currency, an account code, a register serial
     * @param explanation the whole violation in one sentence, for people
     */
    public record Violation(String rule, String subject, long expectedMinor, long actualMinor, long offByMinor,
                            String explanation) {

        static Violation of(InvariantViolation violation) {
            return new Violation(violation.rule().name(), violation.subject(), violation.expectedMinor(),
                    violation.actualMinor(), violation.actualMinor() - violation.expectedMinor(), violation.toString());
        }
    }
}
