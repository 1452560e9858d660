package dev.paygate.routes.order;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The back unit's answer to a {@link PaymentOrder} (docs/architecture.md step 6).
 *
 * @param registerSerial the transaction register serial; null when pending
 * @param path           {@code wallet}, {@code card} or {@code auth-only}; null when pending
 * @param authCode       DE 38 approval code, card path only
 * @param rrn            DE 37 retrieval reference number, card path only
 * @param reason         stable refusal reason code (e.g. {@code insufficient_funds}); null unless refused
 */
public record Decision(
        String ticketId,
        Outcome outcome,
        String path,
        Long registerSerial,
        String authCode,
        String rrn,
        String reason,
        String message,
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
        return new Decision(ticketId, Outcome.PENDING, null, null, null, null, null,
                "The payment is being processed; its outcome will be available shortly.", now);
    }
}
