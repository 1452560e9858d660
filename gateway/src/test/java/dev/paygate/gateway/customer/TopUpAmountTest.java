package dev.paygate.gateway.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopUpAmountTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"25, EUR, 2500", "25.5, EUR, 2550", "0.01, EUR, 1", " 7.00 , EUR, 700", "1500, JPY, 1500",
            "1.234, BHD, 1234", "'10,50', EUR, 1050", "'0,5', EUR, 50"})
    void readsTheAmountInTheCurrencysMinorUnits(String text, String currency, long expectedMinor) {
        assertThat(TopUpAmount.minorUnits(text, currency)).contains(expectedMinor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-5", "0.001", "abc", "1e3x", "12345678901234567", "1,050.00", "1.050,00", "10,505"})
    void refusesWhatIsNotAPositiveAmountOfTheCurrency(String text) {
        assertThat(TopUpAmount.minorUnits(text, "EUR")).isEmpty();
    }
}
