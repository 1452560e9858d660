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
 * @param only           empty, or the one part to measure
 */
public record BenchMode(String name, Duration rawWarmup, Duration rawMeasured, Duration flowWarmup,
                        Duration flowMeasured, List<Integer> concurrencies, String only) {

    private static final List<Integer> CONCURRENCIES = List.of(1, 2, 4, 8, 16, 32);

    /** {@code --quick}, and {@code --only=back-unit} or {@code --only=full-flow} to try a change on one part. */
    public static BenchMode of(String[] arguments) {
        List<String> given = List.of(arguments);
        String only = given.stream().filter(argument -> argument.startsWith("--only="))
                .map(argument -> argument.substring("--only=".length())).findFirst().orElse("");
        if (given.contains("--quick")) {
            return new BenchMode("quick", Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3),
                    Duration.ofSeconds(8), CONCURRENCIES, only);
        }
        return new BenchMode("full", Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(20), CONCURRENCIES, only);
    }

    /** Whether this run measures {@code part} ({@code back-unit} or {@code full-flow}). */
    public boolean includes(String part) {
        return only.isEmpty() || only.equals(part);
    }
}
