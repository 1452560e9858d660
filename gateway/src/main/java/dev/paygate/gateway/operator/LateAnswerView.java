package dev.paygate.gateway.operator;

import dev.paygate.ledger.register.LateOutcome;
import dev.paygate.ledger.register.RegisterEntry;

/**
 * A card payment whose network answered after the request had timed out: the answer as it came, on the entry it
 * was recorded on (which stays reversed).
 *
 * @param receivedAt ISO-8601 UTC instant
 */
record LateAnswerView(long serial, String ticketId, String status, String mti, String responseCode,
                      String approvalCode, String receivedAt) {

    static LateAnswerView of(RegisterEntry entry) {
        LateOutcome late = entry.lateOutcome();
        return new LateAnswerView(entry.serial(), entry.ticketId(), entry.status().name(), late.mti(),
                late.responseCode(), late.approvalCode(), OperatorTimes.text(late.receivedAt()));
    }
}
