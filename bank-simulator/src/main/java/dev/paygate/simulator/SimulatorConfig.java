package dev.paygate.simulator;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Simulator settings, normally read from {@code config/bank-simulator/simulator.yml}.
 *
 * @param cardsFile the card seed CSV
 * @param slowDelay how late the {@code slow} test card answers
 * @param lateDelay how late the {@code late} test card answers: after the acquirer's answer timeout
 * @param idleTimeout a connection silent this long is closed (it also bounds a half-sent frame)
 * @param sessionsMax concurrent connections per endpoint
 */
public record SimulatorConfig(
        List<EndpointConfig> endpoints, Path cardsFile, Duration slowDelay, Duration idleTimeout, int sessionsMax,
        Duration lateDelay) {

    /**
     * The demo key {@code config/bank-simulator/simulator.yml} gives cardnet-a, public in this repository, for a
     * gateway talking to that simulator in a demo or a test (the embedded default reads it from
     * {@code config/application.yml}). Never a real network's key.
     */
    public static final String DEMO_MAC_KEY_HEX = "CEC5C2BAC62868E667077FC29FE8D8AE";
    public static final Duration SLOW_DELAY_DEFAULT = Duration.ofMillis(3_000);
    /** Past the gateway's default answer timeout of 10 s. */
    public static final Duration LATE_DELAY_DEFAULT = Duration.ofMillis(12_000);
    public static final Duration IDLE_TIMEOUT_DEFAULT = Duration.ofMinutes(10);
    public static final int SESSIONS_MAX_DEFAULT = 100;
    /** YAML read as text only where the field is text: digits meant as hex must be quoted. */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static {
        YAML.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }

    public SimulatorConfig {
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(cardsFile, "cardsFile");
        Objects.requireNonNull(slowDelay, "slowDelay");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(lateDelay, "lateDelay");
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one endpoint");
        }
        Set<String> names = new HashSet<>();
        for (EndpointConfig endpoint : endpoints) {
            if (!names.add(endpoint.name())) {
                throw new IllegalArgumentException("endpoint " + endpoint.name() + " is listed twice");
            }
        }
        if (slowDelay.isNegative() || lateDelay.isNegative() || idleTimeout.isNegative()
                || idleTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("slow-delay-ms, late-delay-ms and idle-timeout-ms must be >= 0"
                    + " and idle-timeout-ms fit in an int");
        }
        if (sessionsMax <= 0) {
            throw new IllegalArgumentException("sessions-max must be positive");
        }
    }

    /** With the default {@link #LATE_DELAY_DEFAULT}. */
    public SimulatorConfig(List<EndpointConfig> endpoints, Path cardsFile, Duration slowDelay, Duration idleTimeout,
                           int sessionsMax) {
        this(endpoints, cardsFile, slowDelay, idleTimeout, sessionsMax, LATE_DELAY_DEFAULT);
    }

    /** Reads the YAML file; a relative {@code cards-file} is resolved against the file's directory. */
    public static SimulatorConfig load(Path yamlFile) {
        SimulatorFile file;
        try (Reader reader = Files.newBufferedReader(yamlFile, StandardCharsets.UTF_8)) {
            file = YAML.readValue(reader, SimulatorFile.class);
        } catch (UnrecognizedPropertyException unknown) {
            throw new IllegalArgumentException(yamlFile + ": unknown key '" + unknown.getPropertyName()
                    + "', expected one of " + unknown.getKnownPropertyIds(), unknown);
        } catch (MismatchedInputException mismatched) {
            throw new IllegalArgumentException(yamlFile + ": " + describe(mismatched), mismatched);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator config " + yamlFile, e);
        }
        try {
            return file.toConfig(yamlFile.toAbsolutePath().getParent());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(yamlFile + ": " + e.getMessage(), e);
        }
    }

    /** The same simulator on ephemeral ports, for tests and the embedded default. */
    public SimulatorConfig withEphemeralPorts() {
        return new SimulatorConfig(endpoints.stream().map(endpoint -> endpoint.withPort(0)).toList(),
                cardsFile, slowDelay, idleTimeout, sessionsMax, lateDelay);
    }

    public SimulatorConfig withSlowDelay(Duration newSlowDelay) {
        return new SimulatorConfig(endpoints, cardsFile, newSlowDelay, idleTimeout, sessionsMax, lateDelay);
    }

    public SimulatorConfig withLateDelay(Duration newLateDelay) {
        return new SimulatorConfig(endpoints, cardsFile, slowDelay, idleTimeout, sessionsMax, newLateDelay);
    }

    /** Hex that YAML reads as a number ("0000000000" would become 0) is refused, not turned into text. */
    private static String describe(MismatchedInputException mismatched) {
        String key = mismatched.getPath().isEmpty() ? "configuration"
                : mismatched.getPath().getLast().getFieldName();
        if (mismatched.getTargetType() == String.class) {
            return key + " must be a quoted string of hex digits";
        }
        return key + " must be " + (mismatched.getTargetType() == null ? "of another type"
                : "a " + mismatched.getTargetType().getSimpleName().toLowerCase(Locale.ROOT));
    }

    /** The file as written; every key is named here, and any other one is an error. */
    private record SimulatorFile(
            @JsonProperty(value = "cards-file", required = true) String cardsFile,
            @JsonProperty("slow-delay-ms") Long slowDelayMs,
            @JsonProperty("late-delay-ms") Long lateDelayMs,
            @JsonProperty("idle-timeout-ms") Long idleTimeoutMs,
            @JsonProperty("sessions-max") Integer sessionsMax,
            @JsonProperty(value = "endpoints", required = true) List<EndpointFile> endpoints) {

        SimulatorConfig toConfig(Path baseDirectory) {
            if (cardsFile == null || cardsFile.isBlank()) {
                throw new IllegalArgumentException("missing cards-file");
            }
            if (endpoints == null) {
                throw new IllegalArgumentException("endpoints must be a list");
            }
            return new SimulatorConfig(
                    endpoints.stream().map(EndpointFile::toConfig).toList(),
                    baseDirectory.resolve(cardsFile).normalize(),
                    slowDelayMs == null ? SLOW_DELAY_DEFAULT : Duration.ofMillis(slowDelayMs),
                    idleTimeoutMs == null ? IDLE_TIMEOUT_DEFAULT : Duration.ofMillis(idleTimeoutMs),
                    sessionsMax == null ? SESSIONS_MAX_DEFAULT : sessionsMax,
                    lateDelayMs == null ? LATE_DELAY_DEFAULT : Duration.ofMillis(lateDelayMs));
        }
    }

    private record EndpointFile(
            String name, String host, Integer port, String packager, String framing, String header,
            @JsonProperty("mac-key-hex") String macKeyHex) {

        EndpointConfig toConfig() {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("missing name");
            }
            if (packager == null || framing == null) {
                throw new IllegalArgumentException("endpoint " + name + ": missing " + (packager == null ? "packager" : "framing"));
            }
            NetworkProfile profile = NetworkProfile.of(name, PackagerDefinition.fromConfigName(packager),
                    Framing.fromConfigName(framing)).withHeaderHex(header);
            if (macKeyHex != null && !macKeyHex.isBlank()) {
                profile = profile.withMacKeyHex(macKeyHex);
            }
            return new EndpointConfig(profile, host, port == null ? 0 : port);
        }
    }
}
