package dev.paygate.iso8583.message;

import dev.paygate.iso8583.field.CurrencyCodes;
import dev.paygate.iso8583.field.Digits;
import dev.paygate.iso8583.field.Money;
import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.field.Rrn;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.field.PackagingException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import org.jpos.iso.ISOMsg;

/**
 * Reads and writes single data elements with their ISO 8583:1987 format checks, so every message
 * record maps a field the same way. Reading throws {@link PackagingException} naming the MTI and
 * DE; values never appear in messages.
 */
final class DataElements {

    static final int PAN = 2;
    static final int PROCESSING_CODE = 3;
    static final int AMOUNT = 4;
    static final int TRANSMISSION_DATE_TIME = 7;
    static final int STAN = 11;
    static final int LOCAL_TIME = 12;
    static final int LOCAL_DATE = 13;
    static final int EXPIRY = 14;
    static final int MERCHANT_TYPE = 18;
    static final int POS_ENTRY_MODE = 22;
    static final int POS_CONDITION_CODE = 25;
    static final int ACQUIRER_ID = 32;
    static final int RRN = 37;
    static final int APPROVAL_CODE = 38;
    static final int RESPONSE_CODE = 39;
    static final int TERMINAL_ID = 41;
    static final int MERCHANT_ID = 42;
    static final int MERCHANT_NAME_LOCATION = 43;
    static final int CURRENCY = 49;
    static final int NETWORK_MANAGEMENT_CODE = 70;
    static final int ORIGINAL_DATA = 90;

    private static final DateTimeFormatter TRANSMISSION_FORMAT = DateTimeFormatter.ofPattern("MMddHHmmss");
    private static final DateTimeFormatter LOCAL_TIME_FORMAT = DateTimeFormatter.ofPattern("HHmmss");
    private static final DateTimeFormatter LOCAL_DATE_FORMAT = DateTimeFormatter.ofPattern("MMdd");
    private static final DateTimeFormatter EXPIRY_FORMAT = DateTimeFormatter.ofPattern("yyMM");

    private DataElements() {
    }

    // ---- writing

    static ISOMsg newMessage(Mti mti) {
        ISOMsg message = new ISOMsg();
        set(message, 0, mti.value());
        return message;
    }

    static void set(ISOMsg message, int field, String value) {
        message.set(field, value);
    }

    static void setAmount(ISOMsg message, Money amount) {
        set(message, AMOUNT, "%012d".formatted(amount.amountMinor()));
        set(message, CURRENCY, amount.currency().getNumericCodeAsString());
    }

    /** DE 7, and DE 12/13 in UTC: we are an online acquirer and keep every time in UTC. */
    static void setTimes(ISOMsg message, Instant transmittedAt) {
        ZonedDateTime utc = transmittedAt.atZone(ZoneOffset.UTC);
        set(message, TRANSMISSION_DATE_TIME, TRANSMISSION_FORMAT.format(utc));
        set(message, LOCAL_TIME, LOCAL_TIME_FORMAT.format(utc));
        set(message, LOCAL_DATE, LOCAL_DATE_FORMAT.format(utc));
    }

    static void setTransmissionDateTime(ISOMsg message, Instant transmittedAt) {
        set(message, TRANSMISSION_DATE_TIME, formatTransmission(transmittedAt));
    }

    static String formatTransmission(Instant transmittedAt) {
        return TRANSMISSION_FORMAT.format(transmittedAt.atZone(ZoneOffset.UTC));
    }

    static void setExpiry(ISOMsg message, YearMonth expiry) {
        set(message, EXPIRY, EXPIRY_FORMAT.format(expiry));
    }

    // ---- reading

    static Mti mti(ISOMsg message) {
        String value = message.getString(0);
        if (value == null) {
            throw new PackagingException(null, 0, "missing MTI");
        }
        try {
            return Mti.parse(value);
        } catch (IllegalArgumentException e) {
            throw new PackagingException(null, 0, e.getMessage());
        }
    }

    /** The MTI, which must be one of the expected types. */
    static Mti expectMti(ISOMsg message, Mti... expected) {
        Mti mti = mti(message);
        for (Mti candidate : expected) {
            if (candidate.equals(mti)) {
                return mti;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Mti candidate : expected) {
            names.append(names.isEmpty() ? "" : " or ").append(candidate.value());
        }
        throw new PackagingException(mti.value(), 0, "expected MTI " + names + " but got " + mti.value());
    }

    static String required(ISOMsg message, int field) {
        String value = message.getString(field);
        if (value == null || value.isEmpty()) {
            throw fault(message, field, "missing mandatory data element");
        }
        return value;
    }

    static Optional<String> optional(ISOMsg message, int field) {
        return Optional.ofNullable(message.getString(field)).filter(value -> !value.isEmpty());
    }

    static String numeric(ISOMsg message, int field, int length) {
        String value = required(message, field);
        if (value.length() != length || !Digits.areAll(value)) {
            throw fault(message, field, "must be " + length + " digits");
        }
        return value;
    }

    /** A text element of at most {@code lengthMax} printable ASCII characters. */
    static String text(ISOMsg message, int field, int lengthMax) {
        String value = required(message, field);
        checkText(message, field, value, lengthMax);
        return value;
    }

    static Optional<String> optionalText(ISOMsg message, int field, int lengthMax) {
        Optional<String> value = optional(message, field);
        value.ifPresent(text -> checkText(message, field, text, lengthMax));
        return value;
    }

    private static void checkText(ISOMsg message, int field, String value, int lengthMax) {
        if (value.length() > lengthMax || !value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw fault(message, field, "must be at most " + lengthMax + " printable characters");
        }
    }

    static Pan pan(ISOMsg message) {
        String value = required(message, PAN);
        try {
            return Pan.of(value);
        } catch (IllegalArgumentException e) {
            throw fault(message, PAN, e.getMessage());
        }
    }

    static Stan stan(ISOMsg message) {
        return Stan.parse(numeric(message, STAN, 6));
    }

    static Rrn rrn(ISOMsg message) {
        String value = required(message, RRN);
        try {
            return new Rrn(value);
        } catch (IllegalArgumentException e) {
            throw fault(message, RRN, e.getMessage());
        }
    }

    static Money amount(ISOMsg message) {
        long amountMinor = Long.parseLong(numeric(message, AMOUNT, 12));
        String currencyCode = numeric(message, CURRENCY, 3);
        try {
            return new Money(amountMinor, CurrencyCodes.fromNumeric(currencyCode));
        } catch (IllegalArgumentException e) {
            throw fault(message, CURRENCY, e.getMessage());
        }
    }

    static Instant transmittedAt(ISOMsg message, Clock clock) {
        return parseTransmission(message, TRANSMISSION_DATE_TIME, numeric(message, TRANSMISSION_DATE_TIME, 10), clock);
    }

    /** Checks the DE 12/13 format; their values are the UTC parts of DE 7 and are not kept. */
    static void checkLocalTimes(ISOMsg message) {
        numeric(message, LOCAL_TIME, 6);
        numeric(message, LOCAL_DATE, 4);
    }

    static YearMonth expiry(ISOMsg message) {
        String value = numeric(message, EXPIRY, 4);
        int month = Integer.parseInt(value.substring(2));
        if (month < 1 || month > 12) {
            throw fault(message, EXPIRY, "month must be 01 to 12");
        }
        return YearMonth.of(2000 + Integer.parseInt(value.substring(0, 2)), month);
    }

    static String acquirerId(ISOMsg message) {
        String value = required(message, ACQUIRER_ID);
        if (value.length() > 11 || !Digits.areAll(value)) {
            throw fault(message, ACQUIRER_ID, "must be 1 to 11 digits");
        }
        return value;
    }

    static String responseCode(ISOMsg message) {
        String value = required(message, RESPONSE_CODE);
        if (value.length() != 2 || !value.chars().allMatch(Character::isLetterOrDigit)) {
            throw fault(message, RESPONSE_CODE, "must be 2 alphanumeric characters");
        }
        return value;
    }

    /**
     * DE 7 has no year: take the year that puts the instant closest to now, so a message sent
     * just before midnight on 31 December and read just after it keeps its year.
     */
    static Instant parseTransmission(ISOMsg message, int field, String tenDigits, Clock clock) {
        int month = Integer.parseInt(tenDigits.substring(0, 2));
        int day = Integer.parseInt(tenDigits.substring(2, 4));
        int hour = Integer.parseInt(tenDigits.substring(4, 6));
        int minute = Integer.parseInt(tenDigits.substring(6, 8));
        int second = Integer.parseInt(tenDigits.substring(8, 10));
        Instant now = clock.instant();
        int currentYear = now.atZone(ZoneOffset.UTC).getYear();
        Instant best = null;
        for (int year = currentYear - 1; year <= currentYear + 1; year++) {
            try {
                Instant candidate = ZonedDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC).toInstant();
                if (best == null || distance(candidate, now) < distance(best, now)) {
                    best = candidate;
                }
            } catch (DateTimeException e) {
                // 29 February exists only in leap years; other years are simply not candidates.
            }
        }
        if (best == null) {
            throw fault(message, field, "not a valid MMDDhhmmss date and time");
        }
        return best;
    }

    private static long distance(Instant a, Instant b) {
        return Math.abs(a.getEpochSecond() - b.getEpochSecond());
    }

    static PackagingException fault(ISOMsg message, int field, String detail) {
        return new PackagingException(message.getString(0), field, detail);
    }

    /**
     * Runs a record mapping, turning a value rejected by a record constructor into a
     * {@link PackagingException} for the message.
     */
    static <T> T mapping(ISOMsg message, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (IllegalArgumentException e) {
            throw new PackagingException(message.getString(0), null, e.getMessage());
        }
    }
}
