package dev.paygate.routes.reversal;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.network.CardNetworks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The store-and-forward queue's depth (reversals due to go out and not yet acknowledged), and every attempt to send
 * one by network and result: {@code acknowledged}, {@code retry} (no answer, link down, a fault) or {@code abandoned}.
 */
@Component
@BackUnit
public class ReversalMetrics {

    static final String ACKNOWLEDGED = "acknowledged";
    static final String RETRY = "retry";
    static final String ABANDONED = "abandoned";

    private final MeterRegistry registry;

    /** Every network's counters start at zero, so a dashboard shows "none yet" rather than "no data". */
    public ReversalMetrics(MeterRegistry registry, ReversalQueue queue, CardNetworks networks) {
        this.registry = registry;
        Gauge.builder("paygate.reversal.saf.depth", queue, ReversalQueue::pendingCount)
                .description("Reversals waiting in the store-and-forward queue")
                .register(registry);
        for (String network : networks.names()) {
            for (String result : List.of(ACKNOWLEDGED, RETRY, ABANDONED)) {
                counter(network, result);
            }
        }
    }

    void attempted(String network, String result) {
        counter(network, result).increment();
    }

    private Counter counter(String network, String result) {
        return Counter.builder("paygate.reversals")
                .description("Reversal attempts by network and result: acknowledged, retry or abandoned")
                .tag("network", network)
                .tag("result", result)
                .register(registry);
    }
}
