package dev.paygate.gateway.payment;

import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.merchant.refusal.RefusalReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How payments go, as the front unit records them: every final outcome by settlement path, outcome and reason
 * (ticket checks and authentication included), and how long the hand-over to the back unit took.
 */
@Component
class PaymentMetrics {

    /** The path of a payment refused before any settlement path was chosen. */
    static final String NO_PATH = "none";

    private final MeterRegistry registry;

    PaymentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void approved(SettlementPath path) {
        outcome(path, "approved", NO_PATH);
    }

    /** @param path null when the ticket was refused before any settlement path was chosen */
    void refused(SettlementPath path, RefusalReason reason) {
        outcome(path, reason == RefusalReason.CANCELLED ? "cancelled" : "refused", reason.code());
    }

    /** @param outcome the decision's outcome, or {@code failed} when the hand-over itself broke */
    void handedOver(String outcome, Duration took) {
        Timer.builder("paygate.handover")
                .description("Front-to-back hand-over of an order until the decision (or the end of the wait)")
                .tag("outcome", outcome.toLowerCase(Locale.ROOT))
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    private void outcome(SettlementPath path, String outcome, String reason) {
        Counter.builder("paygate.payments")
                .description("Payments by settlement path, outcome and refusal reason")
                .tag("path", path == null ? NO_PATH : path.code())
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
