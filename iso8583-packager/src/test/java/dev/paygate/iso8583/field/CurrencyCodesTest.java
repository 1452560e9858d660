package dev.paygate.iso8583.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurrencyCodesTest {

    @Test
    void mapsAlphabeticToNumericAndBack() {
        assertThat(CurrencyCodes.numeric("EUR")).isEqualTo("978");
        assertThat(CurrencyCodes.numeric("USD")).isEqualTo("840");
        assertThat(CurrencyCodes.numeric("GBP")).isEqualTo("826");
        assertThat(CurrencyCodes.numeric("JPY")).isEqualTo("392");
        assertThat(CurrencyCodes.alphabetic("978")).isEqualTo("EUR");
        assertThat(CurrencyCodes.alphabetic("840")).isEqualTo("USD");
    }

    @Test
    void rejectsUnknownCodes() {
        assertThatThrownBy(() -> CurrencyCodes.numeric("XYZ")).hasMessageContaining("XYZ");
        assertThatThrownBy(() -> CurrencyCodes.alphabetic("000")).hasMessageContaining("000");
        assertThatThrownBy(() -> CurrencyCodes.alphabetic(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyStaysWithinTwelveDigits() {
        assertThat(Money.of(Money.AMOUNT_MINOR_MAX, "EUR").amountMinor()).isEqualTo(999_999_999_999L);
        assertThatThrownBy(() -> Money.of(Money.AMOUNT_MINOR_MAX + 1, "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(-1, "EUR")).isInstanceOf(IllegalArgumentException.class);
    }
}
