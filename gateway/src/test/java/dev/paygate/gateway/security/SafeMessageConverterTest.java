package dev.paygate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** What reaches a log line from a value from outside: one line, no card number in clear. */
class SafeMessageConverterTest {

    private final SafeMessageConverter converter = new SafeMessageConverter();

    @Test
    void aValueHoldingCrLfCannotForgeALogLine() {
        String line = converted("Ticket refused: unknown_merchant: no merchant {}",
                "evil\r\n2026-12-04T20:00:00Z  INFO forged line");

        assertThat(line).doesNotContain("\r", "\n")
                .isEqualTo("Ticket refused: unknown_merchant: no merchant evil\\r\\n2026-12-04T20:00:00Z  INFO forged line");
    }

    @Test
    void aCardNumberIsMaskedToItsFirstSixAndLastFourDigits() {
        assertThat(converted("no merchant {}", "4000000000000051")).isEqualTo("no merchant 400000******0051");
    }

    @Test
    void digitRunsThatAreNoCardNumberStayAsTheyAre() {
        assertThat(converted("amount {} rrn {} other {}", "000000001250", "612345678901", "4000000000000050"))
                .isEqualTo("amount 000000001250 rrn 612345678901 other 4000000000000050");
    }

    @Test
    void otherControlCharactersAreEscapedToo() {
        assertThat(converted("kid {}", "a\u001b[31mb\u2028c")).isEqualTo("kid a\\u001b[31mb\\u2028c");
    }

    private String converted(String format, Object... arguments) {
        LoggingEvent event = new LoggingEvent("test", new LoggerContext().getLogger("test"), Level.INFO, format, null,
                arguments);
        return converter.convert(event);
    }
}
