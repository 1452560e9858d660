package dev.paygate.gateway.operator;

import dev.paygate.ledger.messages.JournalMessage;
import dev.paygate.ledger.register.LateOutcome;
import dev.paygate.routes.account.AccountAnswer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One payment's ISO 8583 messages for an operator settling a dispute, oldest first, masked as the journal keeps
 * them (PAN first 6 and last 4; expiry, track data, PIN block and chip data as their length only).
 *
 * @param status      the register entry's status, e.g. {@code REVERSED}
 * @param lateOutcome the network's answer after the request had timed out and been reversed: recorded, never paid;
 *                    null if none came
 */
record PaymentMessagesView(String ticketId, long registerSerial, String status, LateOutcomeView lateOutcome,
                           List<MessageView> messages) {

    static PaymentMessagesView of(AccountAnswer.PaymentMessages answer) {
        return new PaymentMessagesView(answer.ticketId(), answer.registerSerial(), answer.status(),
                LateOutcomeView.of(answer.lateOutcome()), answer.messages().stream().map(MessageView::of).toList());
    }

    /** @param receivedAt ISO-8601 UTC instant */
    record LateOutcomeView(String mti, String responseCode, String approvalCode, String receivedAt) {

        static LateOutcomeView of(LateOutcome outcome) {
            return outcome == null ? null : new LateOutcomeView(outcome.mti(), outcome.responseCode(),
                    outcome.approvalCode(), OperatorTimes.text(outcome.receivedAt()));
        }
    }

    /**
     * @param exchangedAt ISO-8601 UTC instant to the millisecond: a request and its answer are often within one second
     * @param direction   {@code SENT} or {@code RECEIVED}
     * @param late        received after its request had timed out: recorded, never acted upon
     * @param exchangeId  the card request the message belongs to: the payment's ticket, or one of its refunds
     * @param elements    data element number to its masked value
     */
    record MessageView(String exchangedAt, String network, String direction, boolean late, String mti, String stan,
                       String terminalId, String responseCode, String exchangeId, Map<String, String> elements) {

        static MessageView of(JournalMessage message) {
            Map<String, String> elements = new LinkedHashMap<>();
            message.elements().forEach((field, value) -> elements.put(Integer.toString(field), value));
            return new MessageView(millis(message.exchangedAt()), message.network(), message.direction().name(),
                    message.late(), message.mti(), message.stan(), message.terminalId(), message.responseCode(),
                    message.exchangeId(), elements);
        }

        /** The elements on one line, {@code 2=400000******0002 3=000000 ...}, for the console. */
        public String elementsLine() {
            StringBuilder line = new StringBuilder();
            elements.forEach((field, value) -> line.append(line.isEmpty() ? "" : " ").append(field).append('=')
                    .append(value));
            return line.toString();
        }

        private static String millis(Instant instant) {
            return instant.truncatedTo(ChronoUnit.MILLIS).toString();
        }
    }
}
