package dev.paygate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerTest {

    private static ClientView view(String ticketId, PaymentKind kind, long amountMinor) {
        return new ClientView(ticketId, kind, amountMinor, null);
    }

    private static RegisterEntry approved(String ticketId, long amountMinor) {
        return new RegisterEntry(1, ticketId, amountMinor, "EUR", "wallet", "APPROVED", null, null, null, null);
    }

    private static RegisterEntry refused(String ticketId, long amountMinor) {
        return new RegisterEntry(2, ticketId, amountMinor, "EUR", "card", "REFUSED", "issuer_unavailable", "cardnet-a", "000002",
                "612300000002");
    }

    @Test
    void agreementOfClientAndRegisterIsClean() {
        ClientView paid = view("t1", PaymentKind.WALLET, 500);
        paid.approved("v1", "compact-v1");
        ClientView declined = view("t2", PaymentKind.CARD_NEVER_ANSWERS, 4_000);
        declined.refused("issuer_unavailable");

        Checker.Result result = Checker.check(List.of(paid, declined), List.of(approved("t1", 500), refused("t2", 4_000)),
                List.of());

        assertThat(result.findings()).isEmpty();
    }

    @Test
    void voucherWithoutAnApprovedEntryIsLost() {
        ClientView paid = view("t1", PaymentKind.WALLET, 500);
        paid.approved("v1", "compact-v1");

        Checker.Result result = Checker.check(List.of(paid), List.of(), List.of());

        assertThat(result.lost()).isEqualTo(1);
    }

    @Test
    void approvedEntryOfAnotherAmountIsLost() {
        ClientView paid = view("t1", PaymentKind.WALLET, 500);
        paid.approved("v1", "compact-v1");

        assertThat(Checker.check(List.of(paid), List.of(approved("t1", 400)), List.of()).lost()).isEqualTo(1);
    }

    @Test
    void brokenLedgerInvariantIsLost() {
        assertThat(Checker.check(List.of(), List.of(), List.of("sum of postings is 12, not 0")).lost()).isEqualTo(1);
    }

    @Test
    void refusedToTheClientButApprovedIsCreated() {
        ClientView declined = view("t1", PaymentKind.WALLET, 500);
        declined.refused("system_error");

        assertThat(Checker.check(List.of(declined), List.of(approved("t1", 500)), List.of()).created()).isEqualTo(1);
    }

    @Test
    void approvalOfACardThatAnswersTooLateIsCreated() {
        ClientView late = view("t1", PaymentKind.CARD_ANSWERS_LATE, 4_000);
        late.approved("v1", "compact-v1");

        Checker.Result result = Checker.check(List.of(late), List.of(approved("t1", 4_000)), List.of());

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.lost()).isZero();
    }

    @Test
    void approvedEntryOfATicketNeverConfirmedIsCreated() {
        assertThat(Checker.check(List.of(), List.of(approved("stranger", 500)), List.of()).created()).isEqualTo(1);
    }

    @Test
    void twoApprovedEntriesOrTwoVouchersForOneTicketAreDuplicated() {
        ClientView twice = view("t1", PaymentKind.PARALLEL_CONFIRMS, 500);
        twice.approved("v1", "compact-v1");
        ClientView twoVouchers = view("t2", PaymentKind.PARALLEL_CONFIRMS, 500);
        twoVouchers.approved("v2", "compact-v2");
        twoVouchers.approved("v3", "compact-v3");

        Checker.Result result = Checker.check(List.of(twice, twoVouchers),
                List.of(approved("t1", 500), approved("t1", 500), approved("t2", 500)), List.of());

        assertThat(result.duplicated()).isEqualTo(2);
    }

    @Test
    void ticketWithoutAFinalAnswerIsUndecided() {
        assertThat(Checker.check(List.of(view("t1", PaymentKind.WALLET, 500)), List.of(), List.of()).undecided())
                .isEqualTo(1);
    }

    @Test
    void oneTicketFoundByTwoChecksCountsOnce() {
        ClientView open = view("t1", PaymentKind.WALLET, 500);
        List<Checker.Finding> twice = new ArrayList<>(Checker.check(List.of(open), List.of(), List.of()).findings());
        twice.addAll(Checker.check(List.of(open), List.of(), List.of()).findings());

        assertThat(Checker.Result.of(twice).undecided()).isEqualTo(1);
    }
}
