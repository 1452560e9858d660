package dev.paygate.ledger.messages;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One ISO 8583 message exchanged for a card request, as the dispute trail keeps it: masked before it gets here
 * (the PAN as first 6 and last 4 digits; track data, PIN block, CVV and expiry as their length only; no key
 * material). A value that still looks like a card number is refused, here and by the database.
 *
 * @param ticketId     the register entry's ticket; null for a request with no register entry (a wallet top-up)
 * @param exchangeId   the card request the message belongs to: the id its reversal is kept under
 * @param late         received after its request had timed out: recorded, never acted upon
 * @param stan         DE 11 as exchanged; null when absent
 * @param terminalId   DE 41; null when absent
 * @param responseCode DE 39 of an answer; null for a request
 * @param elements     data element number to its masked value, from DE 2 up
 */
public record JournalMessage(
        String ticketId,
        String exchangeId,
        String network,
        Direction direction,
        boolean late,
        String mti,
        String stan,
        String terminalId,
        String responseCode,
        SortedMap<Integer, String> elements,
        Instant exchangedAt) {

    /** A run of 13 to 19 digits standing alone: the masking leaves none, so one here is an unmasked PAN. */
    private static final Pattern PAN_LIKE_RUN = Pattern.compile("(?<!\\d)\\d{13,19}(?!\\d)");

    public enum Direction { SENT, RECEIVED }

    public JournalMessage {
        requireText(exchangeId, "exchangeId", 200);
        requireText(network, "network", 64);
        Objects.requireNonNull(direction, "direction");
        if (mti == null || !mti.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("mti must be 4 digits");
        }
        Objects.requireNonNull(exchangedAt, "exchangedAt");
        elements = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(elements, "elements")));
        for (Map.Entry<Integer, String> element : elements.entrySet()) {
            if (element.getKey() < 2 || element.getKey() > 128) {
                throw new IllegalArgumentException("no data element " + element.getKey() + " after the bitmap");
            }
            if (element.getValue() == null || PAN_LIKE_RUN.matcher(element.getValue()).find()) {
                // The value is not quoted: it may be the very card number this check keeps out.
                throw new IllegalArgumentException("DE " + element.getKey() + " is missing or not masked");
            }
        }
    }

    private static void requireText(String value, String name, int lengthMax) {
        if (value == null || value.isBlank() || value.length() > lengthMax) {
            throw new IllegalArgumentException(name + " must be 1.." + lengthMax + " characters");
        }
    }
}
