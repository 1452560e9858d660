package dev.paygate.routes.order;

import dev.paygate.ledger.register.SettlementPath;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The back unit's answer to a {@link PaymentOrder} (docs/architecture.md step 6).
 *
 * @param registerSerial the transaction register serial; null when pending
 * @param path           how the ticket was settled or refused; null when pending
 * @param authCode       DE 38 approval code, card path only
 * @param rrn            DE 37 retrieval reference number, card path only
 * @param reason         stable refusal reason code (e.g. {@code insufficient_funds}); null unless refused. How it
 *                       reads to a customer is the front unit's business, not the back unit's.
 */
public record Decision(
        String ticketId,
        Outcome outcome,
        SettlementPath path,
        Long registerSerial,
        String authCode,
        String rrn,
        String reason,
        Instant decidedAt) implements Serializable {

    public Decision {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (outcome == Outcome.REFUSED && reason == null) {
            throw new IllegalArgumentException("a refusal carries a reason");
        }
    }

    public enum Outcome {
        APPROVED,
        REFUSED,
        /** The back unit did not answer within the front's reply timeout; look the ticket up later. */
        PENDING
    }

    public static Decision pending(String ticketId, Instant now) {
        return new Decision(ticketId, Outcome.PENDING, null, null, null, null, null, now);
    }
}
