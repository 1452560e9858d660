package dev.paygate.routes.order;

import java.util.Optional;

/**
 * The front unit's only door to the back unit: JMS request/reply over Artemis (DESIGN.md step 5).
 * Implementations never throw for expected outcomes: a timeout yields {@link Decision.Outcome#PENDING}.
 */
public interface PaymentHandover {

    /** Sends the order and waits up to the configured reply timeout for the back unit's decision. */
    Decision handOver(PaymentOrder order);

    /** The recorded decision for a ticket, if the back unit has decided it. */
    Optional<Decision> lookup(String ticketId);
}
