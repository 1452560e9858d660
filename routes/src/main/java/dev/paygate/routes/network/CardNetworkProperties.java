package dev.paygate.routes.network;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The card networks the back unit talks to. The wire format of each (channel, packager, header) lives in its
 * jPOS deploy descriptors under {@code deployDirectory}; where it is and how we use it lives here.
 *
 * @param deployDirectory  jPOS Q2 descriptors ({@code config/routes/deploy}); copied, never modified
 * @param workDirectory    Q2's own deploy directory, refreshed from {@code deployDirectory} at start
 * @param startupTimeoutMs how long the back unit waits for Q2 to deploy every descriptor
 * @param binRoutes        longest matching PAN prefix wins; a route may name a fallback network
 */
@ConfigurationProperties("paygate.card")
public record CardNetworkProperties(
        @DefaultValue("config/routes/deploy") Path deployDirectory,
        @DefaultValue("data/q2") Path workDirectory,
        @DefaultValue("20000") long startupTimeoutMs,
        Map<String, Network> networks,
        List<BinRoute> binRoutes) {

    public CardNetworkProperties {
        networks = networks == null ? Map.of() : Map.copyOf(networks);
        binRoutes = binRoutes == null ? List.of() : List.copyOf(binRoutes);
        for (BinRoute route : binRoutes) {
            if (!networks.containsKey(route.network())) {
                throw new IllegalArgumentException("BIN route " + route.prefix() + " names unknown network " + route.network());
            }
            if (route.fallbackNetwork() != null && !networks.containsKey(route.fallbackNetwork())) {
                throw new IllegalArgumentException("BIN route " + route.prefix() + " names unknown fallback network "
                        + route.fallbackNetwork());
            }
        }
    }

    /**
     * @param singleMessage     the network settles in one message: 0200 instead of 0100
     * @param timeoutMs         how long we wait for an answer before reversing
     * @param echoIntervalMs      0800 echo period; an echo refused or unanswered drops the link, which then
     *                            reconnects and signs on again
     * @param reconnectDelayMs    pause before the first reconnection attempt; it doubles (jittered) after each
     *                            further failure since the last accepted sign-on
     * @param reconnectDelayMaxMs ceiling of that pause
     * @param header              TPDU or other header in hex, for channels that carry one
     */
    public record Network(
            @DefaultValue("127.0.0.1") String host,
            int port,
            @DefaultValue("") String header,
            @DefaultValue("false") boolean singleMessage,
            @DefaultValue("10000") long timeoutMs,
            @DefaultValue("60000") long echoIntervalMs,
            @DefaultValue("1000") long reconnectDelayMs,
            @DefaultValue("60000") long reconnectDelayMaxMs,
            @DefaultValue("") String acquirerId) {
    }

    /**
     * PANs starting with {@code prefix} go to {@code network}; while that network's link is not signed on, to
     * {@code fallbackNetwork} if one is given (a network that serves the same cards) and its link is.
     */
    public record BinRoute(String prefix, String network, String fallbackNetwork) {
        public BinRoute {
            if (prefix == null || !prefix.matches("\\d{1,11}")) {
                throw new IllegalArgumentException("a BIN route prefix is 1 to 11 digits: " + prefix);
            }
            if (network != null && network.equals(fallbackNetwork)) {
                throw new IllegalArgumentException("BIN route " + prefix + " falls back to its own network " + network);
            }
        }
    }
}
