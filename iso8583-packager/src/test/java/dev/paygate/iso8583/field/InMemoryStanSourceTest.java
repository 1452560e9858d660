package dev.paygate.iso8583.field;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryStanSourceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    @Test
    void issuesUniqueStansPerNetworkAndDay() {
        InMemoryStanSource source = new InMemoryStanSource();
        Set<Stan> issued = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(issued.add(source.next("cardnet-a", DAY))).isTrue();
        }

        assertThat(source.next("cardnet-b", DAY)).isEqualTo(Stan.of(1));
        assertThat(source.next("cardnet-a", DAY.plusDays(1))).isEqualTo(Stan.of(1));
    }
}
