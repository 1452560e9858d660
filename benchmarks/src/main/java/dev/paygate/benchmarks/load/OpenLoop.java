package dev.paygate.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open loop: operations start at a fixed rate whether or not earlier ones have finished, as customers
 * arrive. Latency counts from the planned start, so a stalled server cannot hide its queue (no coordinated
 * omission).
 */
public record OpenLoop(Duration warmup, Duration measured) {

    private static final int IN_FLIGHT_MAX = 256;

    public Measurement run(double ratePerSecond, ClosedLoop.Operation operation) {
        long intervalNanos = (long) (1e9 / ratePerSecond);
        long startNanos = System.nanoTime();
        long measureFromNanos = startNanos + warmup.toNanos();
        long stopNanos = measureFromNanos + measured.toNanos();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        Semaphore inFlight = new Semaphore(IN_FLIGHT_MAX);
        try (ExecutorService arrivals = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long sequence = 0; ; sequence++) {
                long plannedNanos = startNanos + sequence * intervalNanos;
                if (plannedNanos >= stopNanos) {
                    break;
                }
                LockSupport.parkNanos(plannedNanos - System.nanoTime());
                if (!inFlight.tryAcquire()) {
                    errors.incrementAndGet();
                    continue;
                }
                long id = sequence;
                arrivals.submit(() -> {
                    try {
                        operation.run(0, id);
                        long end = System.nanoTime();
                        if (plannedNanos >= measureFromNanos) {
                            latencies.add(end - plannedNanos);
                        }
                    } catch (Exception failure) {
                        errors.incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                });
            }
            arrivals.shutdown();
            arrivals.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("open-loop run interrupted", interrupted);
        }
        long[] all = latencies.stream().mapToLong(Long::longValue).toArray();
        return Measurement.of(0, all, all.length, errors.get(), measured.toNanos() / 1e9);
    }
}
