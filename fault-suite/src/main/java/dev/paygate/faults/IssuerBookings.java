package dev.paygate.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the bank simulator's issuer booked, read from its journal lines in the simulator's log
 * (bank-simulator/README.md): {@code booked network=... mti=... type=... stan=... rrn=... amount-minor=... currency=...}
 * and {@code reversed network=... mti=... type=... stan=... amount-minor=...}. A booking is named by its network,
 * MTI and STAN, as the issuer matches a reversal to it.
 */
final class IssuerBookings {

    private static final Pattern BOOKED = Pattern.compile(
            "booked network=(\\S+) mti=(\\d{4}) type=(\\S+) stan=(\\d{6}) rrn=(\\S+) amount-minor=(\\d+) currency=([A-Z]{3})");
    private static final Pattern REVERSED = Pattern.compile(
            "reversed network=(\\S+) mti=(\\d{4}) type=(\\S+) stan=(\\d{6}) amount-minor=(\\d+) currency=([A-Z]{3})");

    /** One booking on a card account; {@code reversed} once the issuer undid it. */
    record Booking(String network, String mti, String type, String stan, String rrn, long amountMinor, String currency,
                   boolean reversed) {

        String key() {
            return network + "/" + mti + "/" + stan;
        }

        boolean standing() {
            return !reversed;
        }
    }

    /** The bookings, and the reversals the journal shows for no booking it holds (the checker's own faults). */
    record Journal(List<Booking> bookings, List<String> orphanReversals) {
    }

    private IssuerBookings() {
    }

    static Journal read(Path simulatorLog) throws IOException {
        Map<String, Booking> bookings = new LinkedHashMap<>();
        List<String> orphans = new ArrayList<>();
        if (!Files.exists(simulatorLog)) {
            return new Journal(List.of(), List.of());
        }
        for (String line : Files.readAllLines(simulatorLog, StandardCharsets.UTF_8)) {
            Matcher booked = BOOKED.matcher(line);
            if (booked.find()) {
                Booking booking = new Booking(booked.group(1), booked.group(2), booked.group(3), booked.group(4),
                        booked.group(5), Long.parseLong(booked.group(6)), booked.group(7), false);
                bookings.put(booking.key(), booking);
                continue;
            }
            Matcher reversed = REVERSED.matcher(line);
            if (reversed.find()) {
                String key = reversed.group(1) + "/" + reversed.group(2) + "/" + reversed.group(4);
                Booking booking = bookings.get(key);
                if (booking == null) {
                    orphans.add(key);
                } else {
                    bookings.put(key, new Booking(booking.network(), booking.mti(), booking.type(), booking.stan(),
                            booking.rrn(), booking.amountMinor(), booking.currency(), true));
                }
            }
        }
        return new Journal(List.copyOf(bookings.values()), List.copyOf(orphans));
    }
}
