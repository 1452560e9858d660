package dev.paygate.gateway.operator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as operators read them, on the console and in JSON: ISO-8601 UTC to the second. */
final class OperatorTimes {

    private OperatorTimes() {
    }

    /** Null (never happened) stays null. */
    static String text(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
