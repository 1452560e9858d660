package dev.paygate.shop.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IncludedVatTest {

    private static final int TWENTY_PERCENT = 2000;

    @Test
    void twelveEurosAtTwentyPercentHoldTwoEurosOfVat() {
        assertThat(IncludedVat.ofGrossMinor(1200, TWENTY_PERCENT)).isEqualTo(200);
        assertThat(IncludedVat.ofGrossMinor(12000, TWENTY_PERCENT)).isEqualTo(2000);
    }

    @Test
    void roundsHalfUpToWholeMinorUnits() {
        // 0.03 / 6 = 0.005 exactly: half goes up.
        assertThat(IncludedVat.ofGrossMinor(3, TWENTY_PERCENT)).isEqualTo(1);
        // 0.02 / 6 = 0.0033: down.
        assertThat(IncludedVat.ofGrossMinor(2, TWENTY_PERCENT)).isZero();
        // 49.90 / 6 = 8.3166: down; 4.50 / 6 = 0.75 exactly.
        assertThat(IncludedVat.ofGrossMinor(4990, TWENTY_PERCENT)).isEqualTo(832);
        assertThat(IncludedVat.ofGrossMinor(450, TWENTY_PERCENT)).isEqualTo(75);
        // 104.30 / 6 = 17.3833: down.
        assertThat(IncludedVat.ofGrossMinor(10430, TWENTY_PERCENT)).isEqualTo(1738);
    }

    @Test
    void roundsHalfUpAtOtherRatesToo() {
        // 5.5 %: 1.00 * 550 / 10550 = 0.0521 -> 0.05.
        assertThat(IncludedVat.ofGrossMinor(100, 550)).isEqualTo(5);
        // 7 %: 0.23 * 700 / 10700 = 0.01504... -> 0.02.
        assertThat(IncludedVat.ofGrossMinor(23, 700)).isEqualTo(2);
    }

    @Test
    void nothingIsIncludedInAZeroAmountOrAtAZeroRate() {
        assertThat(IncludedVat.ofGrossMinor(0, TWENTY_PERCENT)).isZero();
        assertThat(IncludedVat.ofGrossMinor(1200, 0)).isZero();
    }

    @Test
    void refusesNegativeAmountsRatesOutOfRangeAndOverflow() {
        assertThatThrownBy(() -> IncludedVat.ofGrossMinor(-1, TWENTY_PERCENT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IncludedVat.ofGrossMinor(100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IncludedVat.ofGrossMinor(100, 10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IncludedVat.ofGrossMinor(Long.MAX_VALUE / 1000, TWENTY_PERCENT))
                .isInstanceOf(ArithmeticException.class);
    }
}
