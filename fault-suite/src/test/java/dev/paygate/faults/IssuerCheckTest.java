package dev.paygate.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuerCheckTest {

    private static RegisterEntry card(String ticketId, String status, String stan) {
        return new RegisterEntry(1, ticketId, 4_200, "EUR", "card", status, status.equals("REFUSED") ? "issuer_unavailable" : null,
                "cardnet-a", stan, "612300" + stan);
    }

    private static IssuerBookings.Booking booking(String stan, boolean reversed) {
        return new IssuerBookings.Booking("cardnet-a", "0100", "PURCHASE", stan, "612300" + stan, 4_200, "EUR", reversed);
    }

    private static Database.Reversal reversal(String ticketId, String stan, String status) {
        return new Database.Reversal(ticketId, "cardnet-a", "0100", stan, 4_200, status, 1);
    }

    private static IssuerCheck.Result check(List<RegisterEntry> register, List<Database.Reversal> reversals,
                                            List<IssuerBookings.Booking> bookings, boolean reversalsDue) {
        return IssuerCheck.check(register, reversals, List.of(), new IssuerBookings.Journal(bookings, List.of()), reversalsDue);
    }

    private static List<String> kinds(IssuerCheck.Result result) {
        return result.findings().stream().map(Checker.Finding::kind).toList();
    }

    @Test
    void approvedChargesAndReversedTimeoutsAgree() {
        IssuerCheck.Result result = check(
                List.of(card("t1", "APPROVED", "000001"), card("t2", "REVERSED", "000002")),
                List.of(reversal("t1", "000001", "CANCELLED"), reversal("t2", "000002", "ACKNOWLEDGED")),
                List.of(booking("000001", false), booking("000002", true)), true);

        assertThat(result.findings()).isEmpty();
        assertThat(result.timeouts()).isEqualTo(1);
        assertThat(result.reversalsAcknowledged()).isEqualTo(1);
    }

    @Test
    void approvedEntryWithoutAStandingChargeIsLost() {
        assertThat(kinds(check(List.of(card("t1", "APPROVED", "000001")), List.of(), List.of(booking("000001", true)), false)))
                .containsExactly("lost");
    }

    @Test
    void aLateApprovalKeptAtTheIssuerIsCreatedOnceItsReversalIsNoLongerOnItsWay() {
        List<RegisterEntry> register = List.of(card("t1", "REVERSED", "000001"));
        List<IssuerBookings.Booking> stillCharged = List.of(booking("000001", false));

        assertThat(kinds(check(register, List.of(reversal("t1", "000001", "PENDING")), stillCharged, false))).isEmpty();
        assertThat(kinds(check(register, List.of(reversal("t1", "000001", "PENDING")), stillCharged, true)))
                .contains("created", "undecided");
        assertThat(kinds(check(register, List.of(reversal("t1", "000001", "ACKNOWLEDGED")), stillCharged, false)))
                .containsExactly("created");
    }

    @Test
    void aChargeNoEntryExplainsIsCreated() {
        assertThat(kinds(check(List.of(), List.of(), List.of(booking("000009", false)), false))).containsExactly("created");
    }

    @Test
    void aChargeOfACreditedTopUpIsExplained() {
        IssuerCheck.Result result = IssuerCheck.check(List.of(), List.of(),
                List.of(new Database.CreditedTopUp("top-up:customer:c:k", "612300000009", 500)),
                new IssuerBookings.Journal(List.of(booking("000009", false)), List.of()), true);

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aTimedOutPaymentWithoutAnAcknowledgedReversalIsUndecidedOnceReversalsAreDue() {
        List<RegisterEntry> register = List.of(card("t1", "REVERSED", "000001"));

        assertThat(kinds(check(register, List.of(), List.of(), false))).isEmpty();
        assertThat(kinds(check(register, List.of(), List.of(), true))).containsExactly("undecided");
    }

    @Test
    void aReversalOfAPaymentTheRegisterKeepsApprovedIsLost() {
        assertThat(kinds(check(List.of(card("t1", "APPROVED", "000001")), List.of(reversal("t1", "000001", "ACKNOWLEDGED")),
                List.of(booking("000001", false)), true))).containsExactly("lost");
    }

    @Test
    void readsBookingsAndTheReversalsThatUndidThemFromTheSimulatorsLog(@TempDir Path directory) throws Exception {
        Path log = directory.resolve("simulator.log");
        Files.writeString(log, """
                2026-12-07T15:01:11.571Z INFO  IssuerListener - cardnet-a received 0100 [2=400000******0085 11=000007]
                2026-12-07T15:01:11.600Z INFO  journal - booked network=cardnet-a mti=0100 type=PURCHASE stan=000007 rrn=634115000007 amount-minor=4200 currency=EUR
                2026-12-07T15:01:12.100Z INFO  journal - booked network=cardnet-b mti=0200 type=PURCHASE stan=000008 rrn=634115000008 amount-minor=900 currency=EUR
                2026-12-07T15:01:14.000Z INFO  journal - reversed network=cardnet-a mti=0100 type=PURCHASE stan=000007 amount-minor=4200 currency=EUR
                2026-12-07T15:01:15.000Z INFO  journal - reversed network=cardnet-a mti=0100 type=PURCHASE stan=000099 amount-minor=100 currency=EUR
                """);

        IssuerBookings.Journal journal = IssuerBookings.read(log);

        assertThat(journal.bookings()).extracting(IssuerBookings.Booking::stan, IssuerBookings.Booking::reversed)
                .containsExactly(tuple("000007", true), tuple("000008", false));
        assertThat(journal.bookings().get(1).rrn()).isEqualTo("634115000008");
        assertThat(journal.orphanReversals()).containsExactly("cardnet-a/0100/000099");
    }
}
