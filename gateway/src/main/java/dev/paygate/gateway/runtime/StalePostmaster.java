package dev.paygate.gateway.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the gateway was killed hard, its PostgreSQL child lives on, holding {@code postmaster.pid}, and the
 * next start would wait forever for a cluster it cannot lock. Stop that orphan first.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d{1,10}")) {
            return;
        }
        long pid = Long.parseLong(lines.getFirst().strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("PostgreSQL pid {} from an earlier run still holds {}; stopping it", pid, dataDirectory);
        // SIGTERM is PostgreSQL's "smart shutdown": committed data is safe.
        process.get().destroy();
        CompletableFuture<ProcessHandle> exited = process.get().onExit();
        try {
            exited.get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the stale PostgreSQL " + pid, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("stale PostgreSQL " + pid + " did not stop within " + STOP_WAIT.toSeconds()
                    + " s; stop it by hand (kill " + pid + ")", e);
        }
    }
}
