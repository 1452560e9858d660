package dev.paygate.iso8583.field;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A message could not be packed, unpacked or mapped: a fault, not a decline. It names the MTI and
 * the data element when they are known and never carries a PAN: digit runs long enough to be one
 * are masked out of every message, including those of wrapped jPOS exceptions.
 */
public class PackagingException extends RuntimeException {

    private static final Pattern PAN_LIKE_DIGITS = Pattern.compile("\\d{12,19}");

    private final String mti;
    private final Integer dataElement;

    public PackagingException(String mti, Integer dataElement, String detail) {
        this(mti, dataElement, detail, null);
    }

    public PackagingException(String mti, Integer dataElement, String detail, Throwable cause) {
        super(describe(mti, dataElement, detail), cause == null ? null : new Cause(cause));
        this.mti = mti;
        this.dataElement = dataElement;
    }

    /** A framing or unpacking fault found before the MTI could be read. */
    public static PackagingException framing(String detail) {
        return new PackagingException(null, null, detail);
    }

    public Optional<String> mti() {
        return Optional.ofNullable(mti);
    }

    public Optional<Integer> dataElement() {
        return Optional.ofNullable(dataElement);
    }

    private static String describe(String mti, Integer dataElement, String detail) {
        StringBuilder text = new StringBuilder();
        if (mti != null) {
            text.append("MTI ").append(sanitise(mti)).append(": ");
        }
        if (dataElement != null) {
            text.append("DE ").append(dataElement).append(": ");
        }
        return text.append(sanitise(detail)).toString();
    }

    static String sanitise(String text) {
        if (text == null) {
            return "";
        }
        return PAN_LIKE_DIGITS.matcher(text).replaceAll(match -> Pan.mask(match.group()));
    }

    /**
     * Keeps the type and a sanitised message of the underlying exception, but not the exception
     * itself, whose message may quote field content.
     */
    private static final class Cause extends RuntimeException {
        Cause(Throwable original) {
            super(original.getClass().getName() + ": " + sanitise(original.getMessage()), null, false, true);
            setStackTrace(original.getStackTrace());
        }
    }
}
