package dev.paygate.benchmarks;

import java.time.Duration;
import java.util.List;

/**
 * How long each measurement runs: {@code --quick} (under 10 minutes on 2 cores, for a check) or full (for
 * published figures).
 *
 * @param rawWarmup      warm-up before each raw-limit measurement
 * @param rawMeasured    each raw-limit measurement
 * @param flowWarmup     warm-up before each full-flow and back-unit measurement
 * @param flowMeasured   each full-flow and back-unit measurement
 * @param concurrencies  the full flow's concurrency levels
 */
public record BenchMode(String name, Duration rawWarmup, Duration rawMeasured, Duration flowWarmup,
                        Duration flowMeasured, List<Integer> concurrencies) {

    private static final List<Integer> CONCURRENCIES = List.of(1, 2, 4, 8, 16, 32);

    public static BenchMode of(String[] arguments) {
        if (List.of(arguments).contains("--quick")) {
            return new BenchMode("quick", Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3),
                    Duration.ofSeconds(8), CONCURRENCIES);
        }
        return new BenchMode("full", Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(20), CONCURRENCIES);
    }
}
