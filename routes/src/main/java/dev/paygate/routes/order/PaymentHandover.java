package dev.paygate.routes.order;

import java.util.Optional;

/**
 * The front unit's only door to the back unit: JMS request/reply over Artemis (docs/architecture.md step 5).
 * Implementations never throw for expected outcomes: a timeout yields {@link Decision.Outcome#PENDING}.
 */
public interface PaymentHandover {

    /** Sends the order and waits up to the configured reply timeout for the back unit's decision. */
    Decision handOver(PaymentOrder order);

    /**
     * Hands an undecided order over again without waiting (recovery after a crash or a lost message). Safe
     * because the back unit decides a ticket at most once; the decision is then found by {@link #lookup}.
     */
    void resend(PaymentOrder order);

    /**
     * The recorded decision for a ticket (PENDING while the back unit is still deciding it), empty when the back
     * unit has never seen it. Throws when the back unit does not answer within the lookup timeout.
     */
    Optional<Decision> lookup(String ticketId);
}
