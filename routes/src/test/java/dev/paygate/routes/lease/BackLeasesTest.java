package dev.paygate.routes.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two back units' leases on one real PostgreSQL; each connection of the data source is a session of its own. */
class BackLeasesTest {

    private static final Path PG_BINARIES = Path.of("target", "lease-pg-binaries").toAbsolutePath();

    private static EmbeddedPostgres postgres;
    private static DataSource database;
    private BackLeases unitA;
    private BackLeases unitB;

    @BeforeAll
    static void startPostgres() throws Exception {
        Files.createDirectories(PG_BINARIES);
        postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(PG_BINARIES.toFile())
                .setDataDirectory(Files.createTempDirectory(Path.of("target"), "lease-pg-"))
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        database = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void twoBackUnits() {
        unitA = new BackLeases(database);
        unitB = new BackLeases(database);
    }

    @AfterEach
    void bothStop() {
        unitA.releaseAll();
        unitB.releaseAll();
    }

    @Test
    void onlyOneBackUnitHoldsALeaseAtATime() {
        assertThat(unitA.holds(Lease.REVERSAL_FORWARDING)).isTrue();

        assertThat(unitB.holds(Lease.REVERSAL_FORWARDING)).isFalse();
        assertThat(unitA.holds(Lease.REVERSAL_FORWARDING)).as("asking again keeps it").isTrue();
    }

    @Test
    void eachJobHasItsOwnLease() {
        assertThat(unitA.holds(Lease.REVERSAL_FORWARDING)).isTrue();

        assertThat(unitB.holds(Lease.DAILY_SWEEP)).isTrue();
        assertThat(unitA.holds(Lease.DAILY_SWEEP)).isFalse();
    }

    @Test
    void leaseOfABackUnitWhoseDatabaseSessionDiedIsTakenOver() {
        assertThat(unitA.holds(Lease.REVERSAL_FORWARDING)).isTrue();
        assertThat(unitB.holds(Lease.REVERSAL_FORWARDING)).isFalse();

        // What PostgreSQL does when a back unit is killed: its session ends, and its advisory locks with it.
        JdbcClient.create(database).sql("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'")
                .query(Boolean.class).list();

        assertThat(unitB.holds(Lease.REVERSAL_FORWARDING)).isTrue();
        assertThat(unitA.holds(Lease.REVERSAL_FORWARDING)).as("a knows it lost the lease").isFalse();
    }

    @Test
    void leaseGivenBackAtShutdownIsFreeAtOnce() {
        assertThat(unitA.holds(Lease.DAILY_SWEEP)).isTrue();

        unitA.releaseAll();

        assertThat(unitB.holds(Lease.DAILY_SWEEP)).isTrue();
    }
}
