package dev.paygate.shop.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyFormatTest {

    private final MoneyFormat money = new MoneyFormat();

    @Test
    void euroAmountsShowTwoDecimalsAndThousandsSeparators() {
        assertThat(money.format(450, "EUR")).isEqualTo("EUR 4.50");
        assertThat(money.format(5, "EUR")).isEqualTo("EUR 0.05");
        assertThat(money.format(123_450, "EUR")).isEqualTo("EUR 1,234.50");
        assertThat(money.format(0, "EUR")).isEqualTo("EUR 0.00");
    }

    @Test
    void yenHasNoMinorUnit() {
        assertThat(money.format(1234, "JPY")).isEqualTo("JPY 1,234");
    }

    @Test
    void bahrainiDinarHasThreeDecimals() {
        assertThat(money.format(1234, "BHD")).isEqualTo("BHD 1.234");
    }

    @Test
    void largeAmountsStayExact() {
        assertThat(money.format(9_007_199_254_740_991L, "EUR")).isEqualTo("EUR 90,071,992,547,409.91");
    }
}
