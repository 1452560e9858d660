package dev.paygate.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the issuer booked (the simulator's journal) against the register and the reversal queue, read from the
 * database. The rules (docs/RELIABILITY.md):
 * <ul>
 *   <li>lost: an approved card entry with no standing charge at the issuer (the merchant is paid, the card is not);</li>
 *   <li>created: a standing charge at the issuer that no approved card entry and no credited top-up explains (a
 *       late approval kept, a timeout never reversed, a request sent twice), once no reversal for it is on its way;</li>
 *   <li>lost, too: a payment approved in the register whose charge was reversed at the issuer;</li>
 *   <li>undecided: once reversals are due, a reversal not acknowledged (held, pending or abandoned), or a reversed
 *       (timed-out) entry without an acknowledged reversal. With one reversal per ticket (the queue's key), every
 *       timeout is reversed exactly once: reversals = timeouts.</li>
 * </ul>
 */
final class IssuerCheck {

    /** Reversal queue entries of payments; top-ups and card refunds name theirs {@code top-up:...}, {@code card-refund:...}. */
    private static final Set<String> NON_PAYMENT_PREFIXES = Set.of("top-up:", "card-refund:");

    /** The figures behind "reversals = timeouts", for the log. */
    record Result(List<Checker.Finding> findings, int timeouts, int reversalsAcknowledged, int bookings,
                  int bookingsUndone, int orphanReversals) {
    }

    private IssuerCheck() {
    }

    /**
     * @param register      every entry, of every merchant: a charge at the issuer may belong to any
     * @param reversalsDue  false right after a restart, while reversals may still be on their way; true at the end,
     *                      once every reversal has had its time
     */
    static Result check(List<RegisterEntry> register, List<Database.Reversal> reversals,
                        List<Database.CreditedTopUp> topUps, IssuerBookings.Journal journal, boolean reversalsDue) {
        List<Checker.Finding> findings = new ArrayList<>();
        Map<String, RegisterEntry> sentCardEntries = new HashMap<>();
        for (RegisterEntry entry : register) {
            if (entry.card() && entry.stan() != null && entry.network() != null) {
                sentCardEntries.put(entry.network() + "/" + entry.stan(), entry);
            }
        }
        Map<String, Database.Reversal> reversalByCharge = new HashMap<>();
        Map<String, List<Database.Reversal>> reversalsByTicket = new HashMap<>();
        for (Database.Reversal reversal : reversals) {
            reversalByCharge.put(reversal.network() + "/" + reversal.originalStan(), reversal);
            reversalsByTicket.computeIfAbsent(reversal.ticketId(), ticket -> new ArrayList<>()).add(reversal);
        }
        Set<String> creditedRrns = topUps.stream().map(Database.CreditedTopUp::rrn).collect(Collectors.toSet());
        Map<String, List<IssuerBookings.Booking>> purchasesByCharge = journal.bookings().stream()
                .filter(booking -> booking.type().equals("PURCHASE"))
                .collect(Collectors.groupingBy(booking -> booking.network() + "/" + booking.stan()));

        for (Map.Entry<String, RegisterEntry> sent : sentCardEntries.entrySet()) {
            RegisterEntry entry = sent.getValue();
            boolean charged = purchasesByCharge.getOrDefault(sent.getKey(), List.of()).stream()
                    .anyMatch(IssuerBookings.Booking::standing);
            if (entry.approved() && !charged) {
                findings.add(new Checker.Finding("lost", entry.ticketId(),
                        "approved in the register, but the issuer holds no charge for it: " + entry));
            }
        }
        for (IssuerBookings.Booking booking : journal.bookings()) {
            if (!booking.type().equals("PURCHASE") || !booking.standing()) {
                continue;
            }
            String charge = booking.network() + "/" + booking.stan();
            RegisterEntry entry = sentCardEntries.get(charge);
            boolean explained = (entry != null && entry.approved()) || creditedRrns.contains(booking.rrn());
            Database.Reversal reversal = reversalByCharge.get(charge);
            boolean reversalOnItsWay = reversal != null && !reversal.settled() && !reversalsDue;
            if (!explained && !reversalOnItsWay && (entry == null || !entry.status().equals("PENDING"))) {
                findings.add(new Checker.Finding("created", entry != null ? entry.ticketId() : "issuer:" + booking.key(),
                        "the issuer holds a charge nothing approved paid for: " + booking
                                + (entry == null ? "" : ", register " + entry.status() + " " + entry.reason())
                                + (reversal == null ? ", no reversal" : ", reversal " + reversal.status())));
            }
        }

        int timeouts = 0;
        int acknowledged = 0;
        for (RegisterEntry entry : register) {
            if (entry.card() && entry.status().equals("REVERSED")) {
                timeouts++;
                boolean reversedAtTheIssuer = reversalsByTicket.getOrDefault(entry.ticketId(), List.of()).stream()
                        .anyMatch(reversal -> reversal.status().equals("ACKNOWLEDGED"));
                if (reversalsDue && !reversedAtTheIssuer) {
                    findings.add(new Checker.Finding("undecided", "saf:" + entry.ticketId(),
                            "a timed-out card payment without an acknowledged reversal: " + entry));
                }
            }
        }
        Map<String, RegisterEntry> entryByTicket = register.stream()
                .collect(Collectors.toMap(RegisterEntry::ticketId, entry -> entry));
        for (Database.Reversal reversal : reversals) {
            boolean payment = NON_PAYMENT_PREFIXES.stream().noneMatch(reversal.ticketId()::startsWith);
            if (payment && reversal.status().equals("ACKNOWLEDGED")) {
                acknowledged++;
                RegisterEntry entry = entryByTicket.get(reversal.ticketId());
                if (entry != null && entry.approved()) {
                    findings.add(new Checker.Finding("lost", entry.ticketId(),
                            "the charge was reversed at the issuer, but the register keeps the payment approved: " + entry));
                }
            }
            if (reversalsDue && !reversal.settled()) {
                findings.add(new Checker.Finding("undecided", "saf:" + reversal.ticketId(),
                        "a reversal not acknowledged once due: " + reversal));
            }
        }
        int undone = (int) journal.bookings().stream().filter(IssuerBookings.Booking::reversed).count();
        return new Result(findings, timeouts, acknowledged, journal.bookings().size(), undone,
                journal.orphanReversals().size());
    }
}
