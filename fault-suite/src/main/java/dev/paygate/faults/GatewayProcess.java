package dev.paygate.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway run as {@code java -jar}, as ./run does, on the run's own data directory; killed with
 * SIGKILL and started again on the same directory. Every process it ever started (the JVM and its PostgreSQL)
 * is remembered, so {@link #close()} leaves nothing running whatever happened in between.
 */
final class GatewayProcess implements AutoCloseable {

    private static final String READY_LINE = "Paygate ready in ";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration HEALTH_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final List<String> command;
    private final Path workingDirectory;
    private final Path logDirectory;
    private final URI healthUrl;
    private final Set<ProcessHandle> started = new LinkedHashSet<>();
    private Process process;
    private int starts;
    private int crashes;

    GatewayProcess(List<String> command, Path workingDirectory, Path logDirectory, URI healthUrl) {
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.logDirectory = logDirectory;
        this.healthUrl = healthUrl;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-gateway"));
    }

    /** Starts the gateway and waits until its health is UP; a start that exits or stays down counts as a crash. */
    void start(Duration startupTimeout) {
        starts++;
        Path logFile = logDirectory.resolve("gateway-" + starts + ".log");
        try {
            process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gateway", e);
        }
        synchronized (started) {
            started.add(process.toHandle());
        }
        Instant deadline = Instant.now().plus(startupTimeout);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_REQUEST_TIMEOUT).build()) {
            while (Instant.now().isBefore(deadline)) {
                rememberDescendants();
                if (!process.isAlive()) {
                    crashes++;
                    throw new IllegalStateException("the gateway exited with " + process.exitValue()
                            + " while starting; see " + logFile);
                }
                if (isReady(logFile) && isUp(http)) {
                    rememberDescendants();
                    return;
                }
                Thread.sleep(POLL_INTERVAL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the gateway started", e);
        }
        crashes++;
        throw new IllegalStateException("the gateway was not UP within " + startupTimeout.toSeconds() + " s; see " + logFile);
    }

    /** kill -9 of the gateway's JVM only: its PostgreSQL lives on, orphaned, as after a real crash. */
    void killHard() {
        rememberDescendants();
        process.destroyForcibly();
        try {
            if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the gateway survived SIGKILL for " + KILL_WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM and wait, so the gateway stops its PostgreSQL cleanly; true when it exited by itself in time. */
    boolean stopGracefully() {
        return stopGracefully(STOP_GRACE);
    }

    /** @param grace how long it may take: longer when the JVM writes its AOT cache at exit */
    boolean stopGracefully(Duration grace) {
        if (process == null || !process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts that exited or never came UP. */
    int crashes() {
        return crashes;
    }

    /** Ends, by PID, every process this run started that still lives. */
    @Override
    public void close() {
        stopGracefully();
        List<ProcessHandle> alive;
        synchronized (started) {
            alive = new ArrayList<>(started.stream().filter(ProcessHandle::isAlive).toList());
        }
        for (ProcessHandle handle : alive) {
            handle.destroyForcibly();
            handle.onExit().orTimeout(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS).exceptionally(timeout -> handle).join();
        }
    }

    private void rememberDescendants() {
        synchronized (started) {
            process.descendants().forEach(started::add);
        }
    }

    // Health is UP before the application runners (the seed of the run's customers) are done; this line is not.
    private static boolean isReady(Path logFile) {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8).contains(READY_LINE);
        } catch (IOException | UncheckedIOException notYetReadable) {
            return false;
        }
    }

    private boolean isUp(HttpClient http) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(healthUrl).timeout(HEALTH_REQUEST_TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().replace(" ", "").startsWith("{\"status\":\"UP\"");
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}
