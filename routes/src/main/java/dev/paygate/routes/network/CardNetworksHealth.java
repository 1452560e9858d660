package dev.paygate.routes.network;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;

/** {@code /actuator/health} shows one component per card network: UP while its link is signed on. */
public class CardNetworksHealth implements CompositeHealthContributor {

    private final Map<String, HealthIndicator> indicators = new LinkedHashMap<>();

    public CardNetworksHealth(CardNetworks networks, NetworkManagement management) {
        networks.names().stream().sorted().forEach(name -> indicators.put(name, () -> health(networks, management, name)));
    }

    private static Health health(CardNetworks networks, NetworkManagement management, String name) {
        CardNetworkProperties.Network settings = networks.settings(name);
        LinkView view = management.view(name);
        Health.Builder builder = view.link().state() == LinkState.SIGNED_ON ? Health.up() : Health.down();
        builder.withDetail("host", settings.host())
                .withDetail("port", settings.port())
                .withDetail("link", view.link().state().name())
                .withDetail("since", view.link().stateSince().toString())
                .withDetail("inFlight", view.inFlight());
        if (view.lastEcho() != null) {
            builder.withDetail("lastEchoAt", view.lastEcho().at().toString())
                    .withDetail("lastEcho", view.lastEcho().outcome().tag());
        }
        return builder.build();
    }

    @Override
    public HealthContributor getContributor(String name) {
        return indicators.get(name);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return indicators.entrySet().stream()
                .map(entry -> NamedContributor.<HealthContributor>of(entry.getKey(), entry.getValue()))
                .iterator();
    }
}
