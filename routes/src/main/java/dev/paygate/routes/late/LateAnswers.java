package dev.paygate.routes.late;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.message.MaskedMessage;
import dev.paygate.ledger.register.LateOutcome;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.journal.JournalLink;
import dev.paygate.routes.journal.MessageJournalWriter;
import dev.paygate.routes.reversal.ReversalQueue;
import dev.paygate.routes.reversal.ReversalQueue.LateAnswerMatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jpos.iso.ISOMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What to do with an answer nobody waits for any more: its request timed out, was reversed, and the customer was
 * told nothing was charged. It is matched to its request by network, terminal (DE 41) and STAN (DE 11), journaled
 * as late under that request's register entry, and, when it answers a payment's authorization, recorded on the
 * entry as its late outcome. It is never paid: a late approval leaves the entry REVERSED and its reversal going
 * out. An answer that matches nothing of ours is logged, masked, and dropped.
 */
@Component
@BackUnit
public record LateAnswers(ReversalQueue reversals, PaymentRegister register, MessageJournalWriter journal,
                          MeterRegistry meters, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(LateAnswers.class);
    /**
     * How far back a late answer is matched: a STAN is unique per network only within a UTC day, and QMUX keeps
     * an unhandled answer for two minutes, so an hour is ample and never reaches yesterday's STANs for long.
     */
    static final Duration MATCH_WINDOW = Duration.ofHours(1);
    private static final Set<Mti> CARD_ANSWERS = Set.of(Mti.AUTHORIZATION_RESPONSE, Mti.FINANCIAL_RESPONSE);
    private static final int DE_STAN = 11;
    private static final int DE_APPROVAL_CODE = 38;
    private static final int DE_RESPONSE_CODE = 39;
    private static final int DE_TERMINAL_ID = 41;

    /** One message from {@code network}'s MUX that matched no waiting request. */
    public void handle(String network, ISOMsg message) {
        Instant receivedAt = clock.instant();
        Optional<Mti> mti = mtiOf(message);
        if (mti.isEmpty() || mti.get().isRequest()) {
            log.warn("{} sent a message nobody handles, dropped: {}", network, MaskedMessage.describe(message));
            return;
        }
        Optional<LateAnswerMatch> match = stanOf(message).flatMap(stan -> reversals.matchAnswer(
                network, message.getString(DE_TERMINAL_ID), stan, receivedAt.minus(MATCH_WINDOW)));
        if (match.isEmpty()) {
            log.warn("Late answer from {} matches no request of ours, dropped: {}", network,
                    MaskedMessage.describe(message));
            return;
        }
        count(network, mti.get());
        LateAnswerMatch request = match.get();
        journal.receivedLate(new JournalLink(request.registerTicketId(), request.exchangeId()), network, message,
                receivedAt);
        boolean paymentAuthorization = request.answersOriginal() && CARD_ANSWERS.contains(mti.get())
                && request.exchangeId().equals(request.registerTicketId());
        if (!paymentAuthorization) {
            log.warn("Late {} from {} for {} (STAN {}, DE 39 {}) after its timeout: journaled, nothing else changes",
                    mti.get(), network, request.exchangeId(), message.getString(DE_STAN),
                    message.getString(DE_RESPONSE_CODE));
            return;
        }
        record(network, mti.get(), message, request.registerTicketId(), receivedAt);
    }

    private void record(String network, Mti mti, ISOMsg message, String ticketId, Instant receivedAt) {
        LateOutcome outcome;
        try {
            outcome = new LateOutcome(mti.value(), message.getString(DE_RESPONSE_CODE),
                    message.getString(DE_APPROVAL_CODE), receivedAt);
        } catch (IllegalArgumentException e) {
            log.warn("Late {} from {} for ticket {} cannot be recorded on its entry ({}): journaled only", mti, network,
                    ticketId, e.getMessage());
            return;
        }
        RegisterEntry entry = register.recordLateAnswer(ticketId, outcome);
        log.warn("Late {} from {} for ticket {} (STAN {}, DE 39 {}{}) after its timeout: recorded on register serial"
                        + " {} ({}), not paid; its reversal stands", mti, network, ticketId, message.getString(DE_STAN),
                outcome.responseCode(), outcome.approvalCode() == null ? "" : ", approval code " + outcome.approvalCode(),
                entry.serial(), entry.status());
    }

    private void count(String network, Mti mti) {
        Counter.builder("paygate.card.late.answers")
                .description("Answers that arrived after their request had timed out")
                .tag("network", network)
                .tag("mti", mti.value())
                .register(meters)
                .increment();
    }

    private static Optional<Mti> mtiOf(ISOMsg message) {
        try {
            return Optional.of(Mti.parse(message.getString(0)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> stanOf(ISOMsg message) {
        String stan = message.getString(DE_STAN);
        return stan != null && stan.matches("[0-9]{1,6}") ? Optional.of(Integer.parseInt(stan)) : Optional.empty();
    }
}
