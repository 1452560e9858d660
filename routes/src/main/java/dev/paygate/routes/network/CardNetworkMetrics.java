package dev.paygate.routes.network;

import dev.paygate.routes.BackUnit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How each card network link is doing, for operators' dashboards: link state, requests in flight, every request
 * with its message type and answer in a latency histogram, and every link event (up, down by reason, failed
 * connection attempt, unreadable frame), fallback and request not sent.
 */
@Component
@BackUnit
public class CardNetworkMetrics implements LinkListener {

    /** The {@code response_code} of a request that got no answer in time. */
    public static final String NO_ANSWER = "timeout";
    /** The {@code response_code} of a request whose link went down while it waited. */
    public static final String LINK_LOST = "link_lost";

    private final MeterRegistry registry;

    public CardNetworkMetrics(MeterRegistry registry, CardNetworks networks) {
        this.registry = registry;
        for (String network : networks.names()) {
            CardLink link = networks.link(network);
            Gauge.builder("paygate.card.network.up", link, linked -> linked.isConnected() ? 1 : 0)
                    .description("1 while the network's link is connected and signed on")
                    .tag("network", network)
                    .register(registry);
            Gauge.builder("paygate.card.network.inflight", link, CardLink::inFlight)
                    .description("Requests sent on the network's link and waiting for their answer")
                    .tag("network", network)
                    .register(registry);
            link.adaptor().addLinkListener(this);
        }
    }

    public void requestAnswered(String network, String mti, String responseCode, Duration took) {
        Timer.builder("paygate.card.requests")
                .description("Card network requests by network, request MTI and DE 39 answer (or timeout, link_lost)")
                .tag("network", network)
                .tag("mti", mti)
                .tag("response_code", responseCode)
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /** A request not sent because its network's link was not signed on. */
    public void requestNotSent(String network) {
        counter("paygate.card.network.requests.unsent", "Requests not sent because the link was not signed on",
                network).increment();
    }

    /** A card sent to its BIN route's fallback network because the route's own network was not signed on. */
    public void fellBack(String routedNetwork, String fallbackNetwork) {
        Counter.builder("paygate.card.network.fallbacks")
                .description("Requests sent to a BIN route's fallback network while its own network was down")
                .tag("network", routedNetwork)
                .tag("fallback", fallbackNetwork)
                .register(registry)
                .increment();
    }

    @Override
    public void linkUp(String network, long connection) {
        counter("paygate.card.network.link.up", "Connections made to the network", network).increment();
    }

    @Override
    public void linkDown(String network, LinkLoss loss, String detail, Duration retryIn) {
        Counter.builder("paygate.card.network.link.down")
                .description("Connections to the network lost, by reason")
                .tag("network", network)
                .tag("reason", loss.tag())
                .register(registry)
                .increment();
    }

    @Override
    public void connectFailed(String network, int failures, String detail, Duration retryIn) {
        counter("paygate.card.network.connect.failures", "Failed attempts to connect to the network", network)
                .increment();
    }

    @Override
    public void frameUnreadable(String network, String detail) {
        counter("paygate.card.network.frames.unreadable", "Frames from the network that could not be read", network)
                .increment();
    }

    private Counter counter(String name, String description, String network) {
        return Counter.builder(name).description(description).tag("network", network).register(registry);
    }
}
