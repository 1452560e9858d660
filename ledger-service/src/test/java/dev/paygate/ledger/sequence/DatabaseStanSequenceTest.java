package dev.paygate.ledger.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabaseStanSequenceTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private DatabaseStanSequence stans;

    @BeforeEach
    void setUp() {
        stans = new DatabaseStanSequence(database.dataSource());
    }

    @Test
    void countsFromOnePerNetworkAndUtcDay() {
        LocalDate day = LocalDate.parse("2026-11-24");

        assertThat(stans.next("visa", day)).isEqualTo(1);
        assertThat(stans.next("visa", day)).isEqualTo(2);
        assertThat(stans.next("mastercard", day)).isEqualTo(1);
        assertThat(stans.next("visa", day.plusDays(1))).isEqualTo(1);
        assertThat(stans.next("visa", day)).isEqualTo(3);
    }

    @Test
    void wrapsToOneAfter999999() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-25");
        database.execute("insert into ledger.stan_counter (network, utc_day, last_stan)"
                + " values ('wrap', '2026-11-25', 999998)");

        assertThat(stans.next("wrap", day)).isEqualTo(999_999);
        assertThat(stans.next("wrap", day)).isEqualTo(1);
    }

    @Test
    void concurrentDrawsNeverRepeatAStan() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-26");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Integer>>> draws = new ArrayList<>();
        try {
            for (int thread = 0; thread < 8; thread++) {
                draws.add(pool.submit(() -> {
                    List<Integer> mine = new ArrayList<>();
                    for (int draw = 0; draw < 250; draw++) {
                        mine.add(stans.next("busy", day));
                    }
                    return mine;
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> future : draws) {
                all.addAll(future.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(2_000).doesNotHaveDuplicates().allMatch(stan -> stan >= 1 && stan <= 2_000);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void rejectsAnUnnamedNetwork() {
        assertThatThrownBy(() -> stans.next(" ", LocalDate.parse("2026-11-24")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
