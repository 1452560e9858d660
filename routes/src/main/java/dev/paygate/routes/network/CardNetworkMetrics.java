package dev.paygate.routes.network;

import dev.paygate.routes.BackUnit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How each card network link is doing, for operators' dashboards: link state, and every request with its
 * message type and answer (the DE 39 response code, or {@code timeout}) in a latency histogram.
 */
@Component
@BackUnit
public class CardNetworkMetrics {

    /** The {@code response_code} of a request that got no answer in time. */
    public static final String NO_ANSWER = "timeout";

    private final MeterRegistry registry;

    public CardNetworkMetrics(MeterRegistry registry, CardNetworks networks) {
        this.registry = registry;
        for (String network : networks.names()) {
            Gauge.builder("paygate.card.network.up", networks, linked -> linked.isConnected(network) ? 1 : 0)
                    .description("1 while the network's link is connected and signed on")
                    .tag("network", network)
                    .register(registry);
        }
    }

    public void requestAnswered(String network, String mti, String responseCode, Duration took) {
        Timer.builder("paygate.card.requests")
                .description("Card network requests by network, request MTI and DE 39 answer (or timeout)")
                .tag("network", network)
                .tag("mti", mti)
                .tag("response_code", responseCode)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }
}
