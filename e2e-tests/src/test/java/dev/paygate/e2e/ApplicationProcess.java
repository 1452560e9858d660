package dev.paygate.e2e;

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
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One of the applications under test, run as a real {@code java -jar} process like an operator would, its
 * output kept in a log file as a test artifact. Closing it stops the process and everything it started.
 */
final class ApplicationProcess implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    // Long enough for Spring to stop the embedded PostgreSQL cleanly after SIGTERM.
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final int LOG_TAIL_LINES = 60;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread stopOnJvmExit;

    private ApplicationProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        // A test JVM killed mid-run (timeout, Ctrl-C) must not leave a gateway and its PostgreSQL behind.
        this.stopOnJvmExit = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(stopOnJvmExit);
    }

    /** Starts {@code java <jvmArguments> -jar <jar> <arguments>} with the JDK running this test. */
    static ApplicationProcess startJar(String name, Path jar, List<String> jvmArguments, List<String> arguments,
                                       Path workingDirectory, Path logFile) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArguments);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            return new ApplicationProcess(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * Polls {@code uri} until it answers 200 with a body {@code ready} accepts. Fails early, with the end of the
     * log, when the process exits or the time is up.
     */
    void awaitHttpReady(URI uri, Predicate<String> ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String lastAnswer = "no answer yet";
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build()) {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited with code " + process.exitValue()
                            + " before " + uri + " was ready. End of " + logFile + ":\n" + logTail());
                }
                try {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(uri).timeout(HTTP_TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    if (response.statusCode() == 200 && ready.test(response.body())) {
                        return;
                    }
                    lastAnswer = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
                } catch (IOException notListeningYet) {
                    lastAnswer = notListeningYet.toString();
                }
                Thread.sleep(POLL_INTERVAL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name, e);
        }
        throw new AssertionError(name + " was not ready at " + uri + " within " + timeout.toSeconds() + " s (last: "
                + lastAnswer + "). End of " + logFile + ":\n" + logTail());
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once the process has ended by itself within {@code timeout}; fails with the log otherwise. */
    int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still runs after " + timeout.toSeconds() + " s. End of " + logFile
                        + ":\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name + " to exit", e);
        }
    }

    /** Everything the process wrote so far. */
    String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + logFile, e);
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnJvmExit);
        } catch (IllegalStateException jvmAlreadyExiting) {
            // The hook is running or about to: nothing left to unregister.
        }
    }

    private void stop() {
        // Taken before the parent goes: once it is gone its children are re-parented and no longer listed.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle descendant : descendants) {
                if (descendant.isAlive()) {
                    descendant.destroyForcibly();
                    descendant.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(name + ": a child process did not stop within " + KILL_WAIT.toSeconds() + " s", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static String abbreviate(String body) {
        int maxChars = 300;
        return body.length() <= maxChars ? body : body.substring(0, maxChars) + "...";
    }
}
