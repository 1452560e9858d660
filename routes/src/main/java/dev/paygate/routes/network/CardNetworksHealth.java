package dev.paygate.routes.network;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;

/** {@code /actuator/health} shows one component per card network: UP while its link is connected. */
public class CardNetworksHealth implements CompositeHealthContributor {

    private final Map<String, HealthIndicator> indicators = new LinkedHashMap<>();

    public CardNetworksHealth(CardNetworks networks) {
        networks.names().stream().sorted().forEach(name -> indicators.put(name, () -> health(networks, name)));
    }

    private static Health health(CardNetworks networks, String name) {
        CardNetworkProperties.Network settings = networks.settings(name);
        CardNetworks.NetworkState state = networks.state(name);
        Health.Builder builder = networks.isConnected(name) ? Health.up() : Health.down();
        builder.withDetail("host", settings.host())
                .withDetail("port", settings.port())
                .withDetail("signedOn", state.signedOn());
        if (state.lastEchoAt() != null) {
            builder.withDetail("lastEchoAt", state.lastEchoAt().toString())
                    .withDetail("lastEchoAnswered", state.lastEchoAnswered());
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
