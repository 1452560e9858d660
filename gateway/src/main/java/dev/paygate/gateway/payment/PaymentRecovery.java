package dev.paygate.gateway.payment;

import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.HandoverProperties;
import dev.paygate.routes.order.PaymentHandover;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every payment ends final (docs/architecture.md step 5): a ticket left undecided past the hand-over's wait (no answer in
 * time, a crash of either unit, a lost message) is asked after at the back unit; a decision found is recorded with
 * its voucher or refusal and webhook, as if the answer had come in time; a ticket the back unit has not seen is
 * handed over again, which its idempotency makes safe. An order past its life is refused by the back unit
 * ({@code payment_expired}), so the ticket ends even when its first order was lost.
 */
@Component
record PaymentRecovery(UsedTickets usedTickets, PaymentFlow flow, PaymentHandover handover,
                       HandoverProperties properties, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(PaymentRecovery.class);

    @Scheduled(initialDelayString = "${paygate.handover.recovery-interval-ms:" + HandoverProperties.RECOVERY_INTERVAL_MS_DEFAULT + "}",
            fixedDelayString = "${paygate.handover.recovery-interval-ms:" + HandoverProperties.RECOVERY_INTERVAL_MS_DEFAULT + "}")
    void recoverUndecided() {
        for (UsedTickets.UsedTicket used : usedTickets.undecided(
                clock.instant().minusMillis(properties.replyTimeoutMs()), properties.recoveryBatchMax())) {
            Optional<Decision> decision;
            try {
                decision = handover.lookup(used.ticketId());
            } catch (RuntimeException noAnswer) {
                // Not counted as an attempt: once the back unit answers again, the next round recovers at once.
                log.warn("Back unit does not answer lookups; ticket {} and the others stay undecided until it does",
                        used.ticketId());
                return;
            }
            try {
                recover(used, decision);
            } catch (RuntimeException fault) {
                log.error("Recovery of ticket {} failed; it is tried again later", used.ticketId(), fault);
            }
            usedTickets.recoveryAttempted(used.ticketId(), Duration.ofMillis(properties.recoveryIntervalMs()),
                    Duration.ofMillis(properties.recoveryPauseMaxMs()));
        }
    }

    private void recover(UsedTickets.UsedTicket used, Optional<Decision> decision) {
        if (decision.isEmpty()) {
            log.info("Back unit has no decision for ticket {} ({} since {}); handing its order over again",
                    used.ticketId(), used.outcome().code(), used.createdAt());
            handover.resend(flow.orderOf(used));
        } else if (decision.get().outcome() != Decision.Outcome.PENDING) {
            flow.finish(used, decision.get());
            log.info("Recovered ticket {}: {}", used.ticketId(), decision.get().outcome());
        }
    }
}
