package dev.paygate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PanSweepTest {

    private static final Path FILE = Path.of("sample.log");

    private static int hits(String content) {
        return PanSweep.scan(FILE, content.getBytes(StandardCharsets.ISO_8859_1)).size();
    }

    @Test
    void findsALuhnValidCardNumberInText() {
        assertThat(hits("card=4000000000000002;")).isEqualTo(1);
    }

    @Test
    void findsACardNumberBetweenBinaryBytes() {
        assertThat(hits("\u0000\u00ff5100000000000008\u0001")).isEqualTo(1);
    }

    @Test
    void reportsTheNumberMasked() {
        assertThat(PanSweep.scan(FILE, "4000000000000002".getBytes(StandardCharsets.US_ASCII)).getFirst().maskedPan())
                .isEqualTo("400000******0002");
    }

    @Test
    void ignoresMaskedPansLuhnInvalidRunsAndLongerDigitRuns() {
        assertThat(hits("400000******0002 4000000000000003 40000000000000020000000")).isZero();
    }

    @Test
    void ignoresEpochMillisecondsThatHappenToPassLuhn() {
        // 1764892800004 passes the Luhn check but starts with 1, which no card scheme uses.
        assertThat(PanSweep.passesLuhn("1764892800004".getBytes(StandardCharsets.US_ASCII), 0, 13)).isTrue();
        assertThat(hits("at 1764892800004 ms")).isZero();
    }
}
