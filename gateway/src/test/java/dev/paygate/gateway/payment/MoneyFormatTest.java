package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {

    @Test
    void usesTheCurrencysOwnFractionDigits() {
        assertThat(MoneyFormat.format(1250, "EUR", Locale.ENGLISH)).isEqualTo("€12.50");
        assertThat(MoneyFormat.format(1250, "JPY", Locale.US)).isEqualTo("¥1,250");
        assertThat(MoneyFormat.format(1250, "BHD", Locale.US)).startsWith("BHD").endsWith("1.250");
        assertThat(MoneyFormat.format(5, "EUR", Locale.ENGLISH)).isEqualTo("€0.05");
    }

    @Test
    void followsTheReadersConventions() {
        assertThat(MoneyFormat.format(123456, "EUR", Locale.GERMANY)).isEqualTo("1.234,56\u00a0€");
        assertThat(MoneyFormat.format(123456, "CHF", Locale.forLanguageTag("de-CH"))).startsWith("CHF").endsWith("1’234.56");
    }

    @Test
    void readsThePreferredLocaleFromAcceptLanguageAndFallsBackToEnglish() {
        assertThat(MoneyFormat.localeOf("de-DE,de;q=0.9,en;q=0.8")).isEqualTo(Locale.forLanguageTag("de-DE"));
        assertThat(MoneyFormat.localeOf("fr;q=0.5, nl-BE;q=0.9")).isEqualTo(Locale.forLanguageTag("nl-BE"));
        assertThat(MoneyFormat.localeOf(null)).isEqualTo(Locale.ENGLISH);
        assertThat(MoneyFormat.localeOf("*")).isEqualTo(Locale.ENGLISH);
        assertThat(MoneyFormat.localeOf("not a language range ;;;")).isEqualTo(Locale.ENGLISH);
    }
}
