package dev.paygate.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone: {@code java -jar bank-simulator/target/bank-simulator-exec.jar
 * [--config config/bank-simulator/simulator.yml]}. Stops on Ctrl-C or SIGTERM.
 */
public final class BankSimulatorMain {

    static final Path CONFIG_DEFAULT = Path.of("config", "bank-simulator", "simulator.yml");
    private static final String LOGBACK_CONFIGURATION = "bank-simulator-logback.xml";

    private BankSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before the first logger exists; an explicit -Dlogback.configurationFile still wins.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIGURATION);
        }
        Path config;
        try {
            config = configPath(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar bank-simulator-exec.jar [--config <simulator.yml>]");
            System.exit(2);
            return;
        }
        BankSimulator simulator = BankSimulator.start(SimulatorConfig.load(config));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "bank-simulator-shutdown"));
        stopped.await();
    }

    static Path configPath(String[] args) {
        if (args.length == 0) {
            return CONFIG_DEFAULT;
        }
        if (args.length == 2 && args[0].equals("--config")) {
            return Path.of(args[1]);
        }
        throw new IllegalArgumentException("unexpected arguments");
    }
}
