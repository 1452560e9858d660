package dev.paygate.ledger.invariant;

import java.util.Objects;

/**
 * One broken rule, with both sides of the comparison, so an operator sees how far off it is.
 *
 * @param subject       what is broken: a currency, an account code, a register serial
 * @param expectedMinor what the rule asks for
 * @param actualMinor   what the ledger holds
 */
public record InvariantViolation(InvariantRule rule, String subject, long expectedMinor, long actualMinor) {

    public InvariantViolation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public String toString() {
        return rule + " broken for " + subject + ": expected " + expectedMinor + ", found " + actualMinor
                + " (off by " + (actualMinor - expectedMinor) + "; " + rule.description() + ")";
    }
}
