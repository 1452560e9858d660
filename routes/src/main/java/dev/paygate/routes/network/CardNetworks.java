package dev.paygate.routes.network;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jpos.iso.MUX;
import org.jpos.q2.iso.QMUX;
import org.jpos.util.NameRegistrar;

/**
 * The configured card networks: their links (a {@code <name>-channel} {@link CardLinkAdaptor} and a
 * {@code <name>-mux} QMUX in the deploy directory) and BIN routing.
 */
public class CardNetworks {

    private final CardNetworkProperties properties;
    private final List<CardNetworkProperties.BinRoute> routesLongestFirst;
    private final Map<String, CardLink> links = new LinkedHashMap<>();

    /** Call once Q2 has deployed every descriptor: each network's channel and MUX must be there. */
    public CardNetworks(CardNetworkProperties properties) {
        this.properties = properties;
        this.routesLongestFirst = properties.binRoutes().stream()
                .sorted(Comparator.comparingInt((CardNetworkProperties.BinRoute r) -> r.prefix().length()).reversed())
                .toList();
        properties.networks().keySet().stream().sorted().forEach(name -> links.put(name, deployedLink(name)));
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

    /**
     * The network for a PAN by the longest matching BIN prefix: the route's network, or its fallback network
     * while the route's network is not signed on and the fallback is. Empty when no route covers the PAN.
     */
    public Optional<Routing> routeFor(String pan) {
        return routesLongestFirst.stream()
                .filter(route -> pan.startsWith(route.prefix()))
                .findFirst()
                .map(route -> route.fallbackNetwork() != null && !isConnected(route.network())
                        && isConnected(route.fallbackNetwork())
                        ? new Routing(route.fallbackNetwork(), route.network())
                        : new Routing(route.network(), route.network()));
    }

    public CardLink link(String network) {
        settings(network);
        return links.get(network);
    }

    /** The network's MUX: its {@link CardLink}, which fails fast on a link that is down. */
    public MUX mux(String network) {
        return link(network);
    }

    /** The link is up and signed on: payments may go. */
    public boolean isConnected(String network) {
        return link(network).isConnected();
    }

    /** Where a PAN goes: {@code network}, which differs from its BIN route's {@code routedNetwork} on a fallback. */
    public record Routing(String network, String routedNetwork) {
        public boolean fellBack() {
            return !network.equals(routedNetwork);
        }
    }

    private static CardLink deployedLink(String network) {
        try {
            QMUX mux = (QMUX) QMUX.getMUX(network + "-mux");
            Object channel = NameRegistrar.get(network + "-channel");
            if (!(channel instanceof CardLinkAdaptor adaptor)) {
                throw new IllegalStateException("the jPOS channel " + network + "-channel is a "
                        + channel.getClass().getName() + ", not a " + CardLinkAdaptor.class.getName());
            }
            return new CardLink(network, mux, adaptor);
        } catch (NameRegistrar.NotFoundException e) {
            throw new IllegalStateException("no jPOS channel and MUX deployed for network " + network + " (expected "
                    + network + "-channel and " + network + "-mux in the deploy directory)", e);
        }
    }
}
