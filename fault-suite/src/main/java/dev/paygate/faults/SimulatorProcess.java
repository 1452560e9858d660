package dev.paygate.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bank simulator as a process of its own ({@code java -jar bank-simulator-exec.jar}), as a real card network
 * is: it lives on while the gateway is killed, so its issuer remembers every booking and every answer across the
 * gateway's restarts, and its journal (the log) is whole. Stopped by PID at the end.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(300);
    private static final int CONNECT_TIMEOUT_MS = 1_000;
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final List<String> command;
    private final Path workingDirectory;
    private final Path logFile;
    private final List<Integer> ports;
    private Process process;

    SimulatorProcess(List<String> command, Path workingDirectory, Path logFile, List<Integer> ports) {
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.logFile = logFile;
        this.ports = List.copyOf(ports);
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "stop-simulator"));
    }

    /** Starts it and waits until every endpoint accepts connections. */
    void start(Duration startupTimeout) throws InterruptedException {
        try {
            process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the bank simulator", e);
        }
        Instant deadline = Instant.now().plus(startupTimeout);
        while (!ports.stream().allMatch(SimulatorProcess::listening)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bank simulator exited with " + process.exitValue() + "; see " + logFile);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the bank simulator did not listen within " + startupTimeout.toSeconds()
                        + " s; see " + logFile);
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }

    Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }
}
