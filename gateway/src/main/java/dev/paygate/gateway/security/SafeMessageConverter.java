package dev.paygate.gateway.security;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message as every appender writes it (logback-spring.xml puts it behind {@code %m}): control
 * characters escaped, so a value from outside holding CR LF cannot forge a log line, and card numbers masked,
 * so a PAN typed into a ticket field or a URL never reaches a log file in clear.
 */
public class SafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return CardNumbers.mask(escapeControlCharacters(super.convert(event)));
    }

    static String escapeControlCharacters(String message) {
        if (message == null || message.chars().noneMatch(SafeMessageConverter::isControl)) {
            return message;
        }
        StringBuilder escaped = new StringBuilder(message.length() + 16);
        message.chars().forEach(character -> {
            switch (character) {
                case '\r' -> escaped.append("\\r");
                case '\n' -> escaped.append("\\n");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (isControl(character)) {
                        escaped.append(String.format("\\u%04x", character));
                    } else {
                        escaped.append((char) character);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean isControl(int character) {
        return Character.getType(character) == Character.CONTROL || character == '\u2028' || character == '\u2029';
    }
}
