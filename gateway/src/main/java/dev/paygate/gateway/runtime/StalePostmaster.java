package dev.paygate.gateway.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the gateway was killed hard, its PostgreSQL child lives on, holding {@code postmaster.pid}, and the next start
 * would wait forever for a cluster it cannot lock. Such an orphan is stopped; a postmaster whose gateway still runs
 * never is: {@link #recordOwner} notes which process (PID and start time, so a reused PID does not count) started it.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final String OWNER_FILE_NAME = "paygate-postmaster-owner";

    private StalePostmaster() {
    }

    /** Notes this process as the one that started the cluster in {@code clusterDirectory}. */
    static void recordOwner(Path clusterDirectory) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Files.writeString(clusterDirectory.resolve(OWNER_FILE_NAME),
                self.pid() + " " + startInstant(self).map(Instant::toString).orElse("unknown") + "\n");
    }

    /** Stops a postmaster left running on {@code clusterDirectory} if the process that started it is gone. */
    static void stopIfOrphaned(Path clusterDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = livePostmaster(clusterDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        long postmasterPid = postmaster.get().pid();
        Optional<ProcessHandle> owner = liveOwner(clusterDirectory);
        if (owner.isPresent()) {
            throw new IOException("PostgreSQL pid " + postmasterPid + " on " + clusterDirectory
                    + " belongs to the running process " + owner.get().pid() + "; it is left alone");
        }
        log.warn("PostgreSQL pid {} on {} outlived the process that started it; stopping it", postmasterPid, clusterDirectory);
        // SIGTERM is PostgreSQL's "smart shutdown": committed data is safe.
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned PostgreSQL " + postmasterPid, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("orphaned PostgreSQL " + postmasterPid + " did not stop within "
                    + STOP_WAIT.toSeconds() + " s", e);
        }
    }

    private static Optional<ProcessHandle> livePostmaster(Path clusterDirectory) throws IOException {
        Optional<Long> pid = firstNumber(clusterDirectory.resolve("postmaster.pid"));
        return pid.flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(command -> command.endsWith("postgres")).orElse(false));
    }

    /** The recorded owner, if it still runs; a cluster from a version that kept no record has none. */
    private static Optional<ProcessHandle> liveOwner(Path clusterDirectory) throws IOException {
        Path ownerFile = clusterDirectory.resolve(OWNER_FILE_NAME);
        if (!Files.isRegularFile(ownerFile)) {
            return Optional.empty();
        }
        String[] owner = Files.readString(ownerFile).strip().split(" ");
        if (owner.length != 2 || !owner[0].matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(owner[0]))
                .filter(ProcessHandle::isAlive)
                .filter(handle -> startInstant(handle).map(Instant::toString).orElse("unknown").equals(owner[1]));
    }

    private static Optional<Long> firstNumber(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(lines.getFirst().strip()));
    }

    private static Optional<Instant> startInstant(ProcessHandle process) {
        return process.info().startInstant();
    }
}
