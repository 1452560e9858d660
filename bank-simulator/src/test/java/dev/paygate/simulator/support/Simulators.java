package dev.paygate.simulator.support;

import dev.paygate.simulator.BankSimulator;
import dev.paygate.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;

/** The simulator as configured in the repository, on ephemeral ports and with short slow and late delays. */
public final class Simulators {

    public static final Path REPOSITORY_CONFIG = Path.of("..", "config", "bank-simulator", "simulator.yml");
    public static final Duration SLOW_DELAY = Duration.ofMillis(400);
    public static final Duration LATE_DELAY = Duration.ofMillis(900);

    private Simulators() {
    }

    public static SimulatorConfig repositoryConfig() {
        return SimulatorConfig.load(REPOSITORY_CONFIG).withEphemeralPorts().withSlowDelay(SLOW_DELAY)
                .withLateDelay(LATE_DELAY);
    }

    public static BankSimulator start() {
        return BankSimulator.start(repositoryConfig());
    }
}
