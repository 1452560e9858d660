package dev.paygate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shortened ./faults inside {@code ./mvnw verify}: one kill round of the packaged gateway (built by the reactor
 * before this module), the checker against the register, the ledger, the issuer's journal and the reversal queue,
 * the probes and the PAN sweep; no local cluster and no fuzzing campaign (the fuzz tests replay their inputs in their
 * own modules). A fixed seed, so a failure repeats with {@code ./faults --rounds 1 --cluster-rounds 0 --seed 17}.
 */
class FaultRunInVerifyTest {

    private static final long SEED = 17;
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @Test
    void oneKillRoundOfTheGatewayLosesCreatesAndDuplicatesNothing() throws Exception {
        assertThat(REPOSITORY.resolve("gateway/target/paygate-gateway.jar")).as("built by the reactor first").exists();
        assertThat(REPOSITORY.resolve("bank-simulator/target/bank-simulator-exec.jar")).exists();
        Path work = Files.createDirectories(Path.of("target", "verify-run").toAbsolutePath());

        int status = new FaultRun(REPOSITORY, work, Schedule.of(SEED, 1, 0)).run();

        assertThat(status).as("the summary line above; findings start with 'faults: FINDING' or 'faults: FAILED'")
                .isZero();
    }
}
