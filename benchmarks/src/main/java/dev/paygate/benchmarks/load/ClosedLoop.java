package dev.paygate.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop: {@code concurrency} workers, each starting its next operation when the last one ends, for a
 * warm-up and then a measured window. Operations that fail count as errors, never as throughput.
 */
public final class ClosedLoop {

    private static final int LATENCIES_PER_WORKER_MAX = 2_000_000;
    private static final Duration FINISH_GRACE = Duration.ofSeconds(120);

    @FunctionalInterface
    public interface Operation {
        /** One operation; {@code sequence} is unique within the run, for idempotency keys. */
        void run(int worker, long sequence) throws Exception;
    }

    private final Duration warmup;
    private final Duration measured;

    public ClosedLoop(Duration warmup, Duration measured) {
        this.warmup = warmup;
        this.measured = measured;
    }

    /**
     * Runs the operation until {@code operations} have completed or {@code timeMax} has passed, measuring nothing:
     * a warm-up counted in work done, as the JIT compiles after so many calls, however long they take.
     *
     * @return the operations completed
     */
    public static long warmUp(int concurrency, Operation operation, long operations, Duration timeMax) {
        AtomicLong sequences = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        long stopNanos = System.nanoTime() + timeMax.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().daemon().factory());
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int worker = 0; worker < concurrency; worker++) {
                int index = worker;
                results.add(workers.submit(() -> {
                    while (completed.get() < operations && System.nanoTime() < stopNanos) {
                        try {
                            operation.run(index, sequences.getAndIncrement());
                            completed.incrementAndGet();
                        } catch (Exception failure) {
                            // Counted where it matters: in the measured runs.
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(timeMax.plus(FINISH_GRACE).toSeconds(), TimeUnit.SECONDS);
            }
            return completed.get();
        } catch (Exception failure) {
            throw new IllegalStateException("warm-up with " + concurrency + " workers failed", failure);
        } finally {
            workers.shutdownNow();
        }
    }

    public Measurement run(int concurrency, Operation operation) {
        AtomicLong sequences = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long startNanos = System.nanoTime();
        long measureFromNanos = startNanos + warmup.toNanos();
        long stopNanos = measureFromNanos + measured.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, Thread.ofPlatform().daemon().factory());
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int worker = 0; worker < concurrency; worker++) {
                int index = worker;
                results.add(workers.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (true) {
                        long begin = System.nanoTime();
                        if (begin >= stopNanos || count == LATENCIES_PER_WORKER_MAX) {
                            return java.util.Arrays.copyOf(latencies, count);
                        }
                        boolean failed = false;
                        try {
                            operation.run(index, sequences.getAndIncrement());
                        } catch (Exception failure) {
                            failed = true;
                            if (errors.incrementAndGet() == 1) {
                                System.err.println("  first error: " + failure);
                            }
                        }
                        long end = System.nanoTime();
                        if (begin >= measureFromNanos && end <= stopNanos && !failed) {
                            if (count == latencies.length) {
                                latencies = java.util.Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = end - begin;
                        }
                    }
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> result : results) {
                long[] latencies = result.get(warmup.plus(measured).plus(FINISH_GRACE).toSeconds(), TimeUnit.SECONDS);
                int offset = all.length;
                all = java.util.Arrays.copyOf(all, offset + latencies.length);
                System.arraycopy(latencies, 0, all, offset, latencies.length);
            }
            return Measurement.of(concurrency, all, all.length, errors.get(), measured.toNanos() / 1e9);
        } catch (Exception failure) {
            throw new IllegalStateException("load run with " + concurrency + " workers failed", failure);
        } finally {
            workers.shutdownNow();
        }
    }
}
