package dev.paygate.iso8583.message;

import dev.paygate.iso8583.field.Pan;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jpos.iso.ISOComponent;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;

/**
 * One-line description of a message for logs: every element present, with card data protected.
 * The PAN (DE 2, 34) shows as first 6 and last 4 digits, and so does any PAN-like run of digits
 * elsewhere; track data, expiry, PIN block and chip data are replaced by their length. Use it for every log line that shows a message.
 */
public final class MaskedMessage {

    /** Elements whose mere length is all a log may show. */
    private static final Map<Integer, String> HIDDEN = Map.of(
            14, "expiry", 35, "track 2", 36, "track 3", 45, "track 1", 52, "PIN block", 55, "ICC data");
    private static final int PAN = 2;
    private static final int PAN_EXTENDED = 34;
    /** 13 to 19 digits standing alone: longer than any amount (DE 4) or reference (DE 37) of 12 digits. */
    private static final Pattern PAN_LIKE_RUN = Pattern.compile("(?<!\\d)\\d{13,19}(?!\\d)");

    private MaskedMessage() {
    }

    public static String describe(ISOMsg message) {
        if (message == null) {
            return "<no message>";
        }
        StringBuilder text = new StringBuilder(message.hasField(0) ? message.getString(0) : "????").append(" [");
        boolean first = true;
        for (Map.Entry<Integer, String> element : elements(message).entrySet()) {
            text.append(first ? "" : " ").append(element.getKey()).append('=').append(element.getValue());
            first = false;
        }
        return text.append(']').toString();
    }

    /**
     * Every data element present after the MTI and bitmap, by number, protected as {@link #describe} shows them:
     * what a message journal may keep of a message for a dispute.
     */
    public static SortedMap<Integer, String> elements(ISOMsg message) {
        SortedMap<Integer, String> elements = new TreeMap<>();
        if (message == null) {
            return elements;
        }
        for (int field = 2; field <= message.getMaxField(); field++) {
            if (message.hasField(field)) {
                elements.put(field, value(message, field));
            }
        }
        return elements;
    }

    private static String value(ISOMsg message, int field) {
        ISOComponent component = message.getComponent(field);
        Object raw;
        try {
            raw = component.getValue();
        } catch (ISOException e) {
            return "<unreadable>";
        }
        String hidden = HIDDEN.get(field);
        if (hidden != null) {
            int length = raw instanceof byte[] bytes ? bytes.length : String.valueOf(raw).length();
            return "<" + hidden + ", " + length + (raw instanceof byte[] ? " bytes>" : " chars>");
        }
        if (raw instanceof byte[] bytes) {
            // Binary elements (a MAC) as hex: a hex run of digits can look like a PAN too, so it is masked alike.
            return maskPanLikeRuns(HexFormat.of().withUpperCase().formatHex(bytes));
        }
        if (raw instanceof ISOMsg inner) {
            return "{" + describe(inner) + "}";
        }
        String value = String.valueOf(raw);
        // A PAN can turn up in any element of a malformed or hostile message: mask what looks like one anywhere.
        return field == PAN || field == PAN_EXTENDED ? Pan.mask(value) : maskPanLikeRuns(value);
    }

    private static String maskPanLikeRuns(String value) {
        return PAN_LIKE_RUN.matcher(value).replaceAll(run -> Pan.mask(run.group()));
    }
}
