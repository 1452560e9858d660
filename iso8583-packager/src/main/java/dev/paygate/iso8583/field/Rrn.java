package dev.paygate.iso8583.field;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Retrieval reference number (DE 37), 12 characters. Ours are built the usual way: last digit of
 * the year, Julian day (3), hour (2) and the 6-digit STAN, all from a UTC instant; RRNs from other
 * parties are accepted as any 12 printable characters.
 */
public record Rrn(String value) {

    public static final int LENGTH = 12;

    public Rrn {
        if (value == null || value.length() != LENGTH) {
            throw new IllegalArgumentException("RRN must have " + LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("RRN must be printable ASCII");
            }
        }
    }

    public static Rrn of(Instant transmittedAt, Stan stan) {
        ZonedDateTime utc = transmittedAt.atZone(ZoneOffset.UTC);
        return new Rrn("%d%03d%02d%s".formatted(
                utc.getYear() % 10, utc.getDayOfYear(), utc.getHour(), stan.digits()));
    }

    @Override
    public String toString() {
        return value;
    }
}
