package dev.paygate.simulator;

import dev.paygate.iso8583.packager.NetworkProfile;
import java.util.Objects;

/**
 * One listening endpoint of the simulator: a card network's wire format on a host and port.
 *
 * @param port 0 for an ephemeral port, see {@link BankSimulator#port(String)}
 */
public record EndpointConfig(NetworkProfile profile, String host, int port) {

    public static final String HOST_DEFAULT = "127.0.0.1";

    public EndpointConfig {
        Objects.requireNonNull(profile, "profile");
        host = host == null || host.isBlank() ? HOST_DEFAULT : host.strip();
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("endpoint " + profile.name() + ": port must be 0..65535");
        }
    }

    public String name() {
        return profile.name();
    }

    public EndpointConfig withPort(int newPort) {
        return new EndpointConfig(profile, host, newPort);
    }
}
