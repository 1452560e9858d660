package dev.paygate.benchmarks.load;

/**
 * What one load run measured: completed operations per second and their latency percentiles, over the
 * measured window only (the warm-up is left out).
 */
public record Measurement(int concurrency, long operations, long errors, double seconds,
                          double perSecond, double p50Ms, double p95Ms, double p99Ms) {

    public static Measurement of(int concurrency, long[] latencyNanos, int count, long errors, double seconds) {
        long[] sorted = java.util.Arrays.copyOf(latencyNanos, count);
        java.util.Arrays.sort(sorted);
        return new Measurement(concurrency, count, errors, seconds, count / seconds,
                percentileMs(sorted, 0.50), percentileMs(sorted, 0.95), percentileMs(sorted, 0.99));
    }

    private static double percentileMs(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
