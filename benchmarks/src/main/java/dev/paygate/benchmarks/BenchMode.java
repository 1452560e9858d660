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
 * @param backWarmupDecisions decisions of each kind a freshly started back unit makes before its first measurement
 *                       (its JIT compiles after so many calls)
 * @param flowWarmupPayments payments a freshly started gateway makes before the full flow is measured
 * @param warmupTimeMax  the longest each warm-up runs, on a machine too busy to make them all
 * @param only           empty, or the one part to measure
 */
public record BenchMode(String name, Duration rawWarmup, Duration rawMeasured, Duration flowWarmup,
                        Duration flowMeasured, List<Integer> concurrencies, long backWarmupDecisions,
                        long flowWarmupPayments, Duration warmupTimeMax, String only) {

    private static final List<Integer> CONCURRENCIES = List.of(1, 2, 4, 8, 16, 32);

    /** {@code --quick}, and {@code --only=back-unit}, {@code --only=fronts} or {@code --only=full-flow} to try a change on one part. */
    public static BenchMode of(String[] arguments) {
        List<String> given = List.of(arguments);
        String only = given.stream().filter(argument -> argument.startsWith("--only="))
                .map(argument -> argument.substring("--only=".length())).findFirst().orElse("");
        if (given.contains("--quick")) {
            return new BenchMode("quick", Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3),
                    Duration.ofSeconds(8), CONCURRENCIES, 3_000, 300, Duration.ofSeconds(45), only);
        }
        return new BenchMode("full", Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(20), CONCURRENCIES, 10_000, 1_000, Duration.ofSeconds(180), only);
    }

    /** Whether this run measures {@code part} ({@code back-unit}, {@code fronts} or {@code full-flow}). */
    public boolean includes(String part) {
        return only.isEmpty() || only.equals(part);
    }
}
