package dev.paygate.benchmarks.gateway;

import dev.paygate.benchmarks.infra.ProcessCpu;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway as an operator runs it, from the extracted jar layout as {@code ./run} does
 * ({@code java [-XX:AOTCache=...] -jar <layout>/paygate-gateway.jar}), its output in a log file. Start-up counts
 * from launching the JVM to the gateway's "ready" line.
 *
 * @param startupMs from launching {@code java} to the "ready" line, as seen from outside
 */
public record GatewayProcess(Process process, Path logFile, long startupMs, long jvmUptimeAtReadyMs)
        implements AutoCloseable {

    /** Options for the gateways' JVMs alone, e.g. an {@code -agentpath:} of async-profiler. */
    public static final String PROFILER_OPTIONS_VARIABLE = "BENCH_GATEWAY_JAVA_TOOL_OPTIONS";

    private static final Pattern READY = Pattern.compile("Paygate (?:back unit )?ready in (\\d+) ms \\(JVM up (\\d+) ms\\)");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** Extracts the built jar into {@code destination} ({@code -Djarmode=tools ... extract}); returns the jar to run. */
    public static Path extract(Path packedJar, Path destination) throws IOException, InterruptedException {
        Process extraction = new ProcessBuilder(java().toString(), "-Djarmode=tools", "-jar",
                packedJar.toAbsolutePath().toString(), "extract", "--destination", destination.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!extraction.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || extraction.exitValue() != 0) {
            extraction.destroyForcibly();
            throw new IllegalStateException("could not extract " + packedJar + " into " + destination);
        }
        return destination.resolve(packedJar.getFileName());
    }

    public static GatewayProcess start(Path jar, List<String> jvmOptions, Path workingDirectory, List<String> arguments,
                                       Map<String, String> environment, Path logFile) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java().toString(), "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        command.addAll(arguments);
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        // An external profiler for the gateways only (see the README), not for the bench's own JVM and tools.
        String profilerOptions = System.getenv(PROFILER_OPTIONS_VARIABLE);
        if (profilerOptions != null && !profilerOptions.isBlank()) {
            builder.environment().put("JAVA_TOOL_OPTIONS", profilerOptions);
        }
        long launchedNanos = System.nanoTime();
        Process process = builder.start();
        long deadlineNanos = launchedNanos + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadlineNanos) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the gateway exited with code " + process.exitValue()
                        + " before it was ready; see " + logFile);
            }
            Matcher ready = READY.matcher(Files.readString(logFile, StandardCharsets.UTF_8));
            if (ready.find()) {
                long startupMs = (System.nanoTime() - launchedNanos) / 1_000_000;
                return new GatewayProcess(process, logFile, startupMs, Long.parseLong(ready.group(2)));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the gateway was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + logFile);
    }

    /** Starts a gateway; what {@link #startTogether} runs. */
    @FunctionalInterface
    public interface Start {
        GatewayProcess start() throws IOException, InterruptedException;
    }

    /**
     * Starts several gateways at once and waits until all are ready, in the order given; when one fails, the
     * others are stopped.
     */
    public static List<GatewayProcess> startTogether(List<Start> starts) throws InterruptedException {
        List<Future<GatewayProcess>> starting = new ArrayList<>();
        try (ExecutorService launcher = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Start start : starts) {
                starting.add(launcher.submit(start::start));
            }
        }
        List<GatewayProcess> started = new ArrayList<>();
        IllegalStateException failure = null;
        for (Future<GatewayProcess> start : starting) {
            try {
                started.add(start.get());
            } catch (ExecutionException failed) {
                failure = new IllegalStateException("a gateway did not start: " + failed.getCause().getMessage(),
                        failed.getCause());
            }
        }
        if (failure != null) {
            for (GatewayProcess gateway : started) {
                gateway.close();
            }
            throw failure;
        }
        return started;
    }

    /** The unit's name: its log file's. */
    public String name() {
        return logFile.getFileName().toString().replaceFirst("\\.log$", "");
    }

    public long pid() {
        return process.pid();
    }

    public double cpuMs() {
        return ProcessCpu.cpuMs(pid());
    }

    public double peakRssMib() {
        return ProcessCpu.peakRssMib(pid());
    }

    public Path logFile() {
        return logFile;
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @Override
    public void close() throws InterruptedException {
        stop(STOP_GRACE);
    }

    /** Stops the gateway (SIGTERM), allowing it {@code grace} to end, as writing an AOT cache at exit takes a while. */
    public void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
