package dev.paygate.routes.network;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jpos.iso.MUX;
import org.jpos.q2.iso.QMUX;
import org.jpos.util.NameRegistrar;

/** The configured card networks: their MUX, BIN routing, and what we last saw of each link. */
public class CardNetworks {

    private final CardNetworkProperties properties;
    private final List<CardNetworkProperties.BinRoute> routesLongestFirst;
    private final Map<String, NetworkState> states = new ConcurrentHashMap<>();

    public CardNetworks(CardNetworkProperties properties) {
        this.properties = properties;
        this.routesLongestFirst = properties.binRoutes().stream()
                .sorted(Comparator.comparingInt((CardNetworkProperties.BinRoute r) -> r.prefix().length()).reversed())
                .toList();
        properties.networks().keySet().forEach(name -> states.put(name, NetworkState.unknown()));
    }

    public Set<String> names() {
        return properties.networks().keySet();
    }

    public CardNetworkProperties.Network settings(String network) {
        CardNetworkProperties.Network settings = properties.networks().get(network);
        if (settings == null) {
            throw new IllegalArgumentException("unknown card network " + network);
        }
        return settings;
    }

    /** The network for a PAN by the longest matching BIN prefix, if any route covers it. */
    public Optional<String> routeFor(String pan) {
        return routesLongestFirst.stream()
                .filter(route -> pan.startsWith(route.prefix()))
                .map(CardNetworkProperties.BinRoute::network)
                .findFirst();
    }

    public MUX mux(String network) {
        settings(network);
        try {
            return QMUX.getMUX(network + "-mux");
        } catch (NameRegistrar.NotFoundException e) {
            throw new IllegalStateException("no jPOS MUX deployed for network " + network
                    + " (expected " + network + "-mux in the deploy directory)", e);
        }
    }

    public boolean isConnected(String network) {
        try {
            return mux(network).isConnected();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public NetworkState state(String network) {
        return states.getOrDefault(network, NetworkState.unknown());
    }

    public boolean signedOn(String network) {
        return state(network).signedOn();
    }

    public void recordEcho(String network, boolean answered, Instant at) {
        states.compute(network, (name, previous) -> (previous == null ? NetworkState.unknown() : previous).withEcho(answered, at));
    }

    public void recordSignOn(String network, boolean signedOn, Instant at) {
        states.compute(network, (name, previous) -> (previous == null ? NetworkState.unknown() : previous).withSignOn(signedOn, at));
    }

    /** What the echo and sign-on exchanges last told us about one network. */
    public record NetworkState(boolean signedOn, Instant signedOnAt, Instant lastEchoAt, boolean lastEchoAnswered) {
        static NetworkState unknown() {
            return new NetworkState(false, null, null, false);
        }

        NetworkState withEcho(boolean answered, Instant at) {
            return new NetworkState(signedOn, signedOnAt, at, answered);
        }

        NetworkState withSignOn(boolean nowSignedOn, Instant at) {
            return new NetworkState(nowSignedOn, nowSignedOn ? at : signedOnAt, lastEchoAt, lastEchoAnswered);
        }
    }
}
