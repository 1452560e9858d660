package dev.paygate.routes.reversal;

import dev.paygate.routes.BackUnit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The store-and-forward queue's depth: reversals due to go out and not yet acknowledged. */
@Component
@BackUnit
public class ReversalMetrics {

    public ReversalMetrics(MeterRegistry registry, ReversalQueue queue) {
        Gauge.builder("paygate.reversal.saf.depth", queue, ReversalQueue::pendingCount)
                .description("Reversals waiting in the store-and-forward queue")
                .register(registry);
    }
}
