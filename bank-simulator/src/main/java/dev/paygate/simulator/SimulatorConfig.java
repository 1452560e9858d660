package dev.paygate.simulator;

import dev.paygate.iso8583.packager.Framing;
import dev.paygate.iso8583.packager.NetworkProfile;
import dev.paygate.iso8583.packager.PackagerDefinition;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Simulator settings, normally read from {@code config/bank-simulator/simulator.yml}.
 *
 * @param cardsFile the card seed CSV
 * @param slowDelay how late the {@code slow} test card answers
 * @param idleTimeout a connection silent this long is closed (it also bounds a half-sent frame)
 * @param sessionsMax concurrent connections per endpoint
 */
public record SimulatorConfig(
        List<EndpointConfig> endpoints, Path cardsFile, Duration slowDelay, Duration idleTimeout, int sessionsMax) {

    public static final Duration SLOW_DELAY_DEFAULT = Duration.ofMillis(3_000);
    public static final Duration IDLE_TIMEOUT_DEFAULT = Duration.ofMinutes(10);
    public static final int SESSIONS_MAX_DEFAULT = 100;
    private static final Set<String> TOP_LEVEL_KEYS = Set.of(
            "cards-file", "slow-delay-ms", "idle-timeout-ms", "sessions-max", "endpoints");
    private static final Set<String> ENDPOINT_KEYS = Set.of(
            "name", "host", "port", "packager", "framing", "header", "mac-key-hex");

    public SimulatorConfig {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(cardsFile, "cardsFile");
        Objects.requireNonNull(slowDelay, "slowDelay");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one endpoint");
        }
        Set<String> names = new HashSet<>();
        for (EndpointConfig endpoint : endpoints) {
            if (!names.add(endpoint.name())) {
                throw new IllegalArgumentException("endpoint " + endpoint.name() + " is listed twice");
            }
        }
        if (slowDelay.isNegative() || idleTimeout.isNegative() || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("slow-delay-ms and idle-timeout-ms must be >= 0 and fit in an int");
        }
        if (sessionsMax <= 0) {
            throw new IllegalArgumentException("sessions-max must be positive");
        }
    }

    /** Reads the YAML file; a relative {@code cards-file} is resolved against the file's directory. */
    public static SimulatorConfig load(Path yamlFile) {
        Map<String, Object> root;
        try (Reader reader = Files.newBufferedReader(yamlFile, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator config " + yamlFile, e);
        }
        try {
            return fromYaml(root, yamlFile.toAbsolutePath().getParent());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(yamlFile + ": " + e.getMessage(), e);
        }
    }

    /** The same simulator on ephemeral ports, for tests and the embedded default. */
    public SimulatorConfig withEphemeralPorts() {
        return new SimulatorConfig(endpoints.stream().map(endpoint -> endpoint.withPort(0)).toList(),
                cardsFile, slowDelay, idleTimeout, sessionsMax);
    }

    public SimulatorConfig withSlowDelay(Duration newSlowDelay) {
        return new SimulatorConfig(endpoints, cardsFile, newSlowDelay, idleTimeout, sessionsMax);
    }

    private static SimulatorConfig fromYaml(Map<String, Object> root, Path baseDirectory) {
        if (root == null) {
            throw new IllegalArgumentException("empty configuration");
        }
        checkKeys("top level", root, TOP_LEVEL_KEYS);
        if (!(root.get("endpoints") instanceof List<?> endpointList)) {
            throw new IllegalArgumentException("endpoints must be a list");
        }
        List<EndpointConfig> endpoints = endpointList.stream().map(SimulatorConfig::endpoint).toList();
        return new SimulatorConfig(
                endpoints,
                baseDirectory.resolve(required(root, "cards-file")).normalize(),
                Duration.ofMillis(number(root, "slow-delay-ms", SLOW_DELAY_DEFAULT.toMillis())),
                Duration.ofMillis(number(root, "idle-timeout-ms", IDLE_TIMEOUT_DEFAULT.toMillis())),
                (int) number(root, "sessions-max", SESSIONS_MAX_DEFAULT));
    }

    private static EndpointConfig endpoint(Object item) {
        if (!(item instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException("each endpoint must be a mapping");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) raw;
        String name = required(map, "name");
        checkKeys("endpoint " + name, map, ENDPOINT_KEYS);
        NetworkProfile profile = NetworkProfile.of(name,
                        PackagerDefinition.fromConfigName(required(map, "packager")),
                        Framing.fromConfigName(required(map, "framing")))
                .withHeaderHex(quoted(map, "header"));
        String macKeyHex = quoted(map, "mac-key-hex");
        if (macKeyHex != null && !macKeyHex.isBlank()) {
            profile = profile.withMacKeyHex(macKeyHex);
        }
        return new EndpointConfig(profile, optional(map, "host"), (int) number(map, "port", 0));
    }

    private static void checkKeys(String where, Map<String, Object> map, Set<String> allowed) {
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "', expected one of " + allowed);
            }
        }
    }

    private static String required(Map<String, Object> map, String key) {
        String value = optional(map, key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    private static String optional(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    /** Hex that YAML could read as a number ("0000000000" would become 0) must be quoted. */
    private static String quoted(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(key + " must be a quoted string of hex digits");
        }
        return (String) value;
    }

    private static long number(Map<String, Object> map, String key, long defaultValue) {
        Object value = map.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException(key + " must be a number");
    }
}
