package dev.paygate.ledger.register;

import static dev.paygate.ledger.testsupport.Fixtures.EUR;
import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.LedgerException;
import dev.paygate.ledger.SystemAccount;
import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CardPaymentTest {

    private static final String NETWORK = "visa";

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private PaymentRegister register;
    private Accounts accounts;
    private String customerId;
    private String merchantId;

    @BeforeEach
    void setUp() {
        register = new PaymentRegister(database.dataSource());
        accounts = new Accounts(database.dataSource());
        Fixtures fixtures = new Fixtures(database.dataSource());
        customerId = "c-" + UUID.randomUUID().toString().substring(0, 8);
        merchantId = "m-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.fundedCustomer(customerId, 0);
        fixtures.merchant(merchantId);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        assertThat(new LedgerInvariants(database.dataSource()).check().violations()).isEmpty();
    }

    @Test
    void openingRegistersPendingAndASecondDeliveryIsToldNotToAuthorizeAgain() {
        RegisterOrder order = order(merchantId, customerId, 15_000);

        CardPaymentOpening first = register.openCardPayment(order, NETWORK);
        CardPaymentOpening second = register.openCardPayment(order, NETWORK);

        assertThat(first.seenBefore()).isFalse();
        assertThat(first.sendAuthorization()).isTrue();
        assertThat(first.entry().status()).isEqualTo(RegisterStatus.PENDING);
        assertThat(first.entry().path()).isEqualTo(SettlementPath.CARD);
        assertThat(first.entry().network()).isEqualTo(NETWORK);
        assertThat(second.seenBefore()).isTrue();
        assertThat(second.sendAuthorization()).isFalse();
        assertThat(second.entry()).isEqualTo(first.entry());
        assertThat(tillBalance()).isZero();
    }

    @Test
    void theStanIsClaimedOnceAndOnlyOnAnEntryStillOpen() {
        RegisterOrder order = order(merchantId, customerId, 15_000);
        register.openCardPayment(order, NETWORK);

        boolean first = register.claimStan(order.ticketId(), "000042");
        boolean second = register.claimStan(order.ticketId(), "000043");

        assertThat(first).isTrue();
        assertThat(second).as("a second sender finds the STAN taken").isFalse();
        assertThat(register.findByTicket(order.ticketId()).orElseThrow().stan()).isEqualTo("000042");
    }

    @Test
    void noStanIsClaimedOnAnEntryClosedBeforeItsRequestLeft() {
        RegisterOrder order = order(merchantId, customerId, 15_000);
        register.openCardPayment(order, NETWORK);
        register.completeCardPayment(order.ticketId(), CardOutcome.refused("system_error", null, null));

        assertThat(register.claimStan(order.ticketId(), "000044")).isFalse();
        assertThat(register.claimStan("no-such-ticket", "000045")).isFalse();
    }

    @Test
    void approvalCreditsTheTillFromCardClearingExactlyOnce() {
        RegisterOrder order = order(merchantId, customerId, 15_000);
        register.openCardPayment(order, NETWORK);
        long clearingBefore = cardClearingBalance();

        RegisterEntry approved = register.completeCardPayment(order.ticketId(),
                CardOutcome.approved("A1B2C3", "123456789012", "42"));
        RegisterEntry again = register.completeCardPayment(order.ticketId(),
                CardOutcome.approved("A1B2C3", "123456789012", "42"));

        assertThat(approved.status()).isEqualTo(RegisterStatus.APPROVED);
        assertThat(approved.authCode()).isEqualTo("A1B2C3");
        assertThat(approved.rrn()).isEqualTo("123456789012");
        assertThat(approved.stan()).isEqualTo("000042");
        assertThat(approved.completedAt()).isNotNull();
        assertThat(again).isEqualTo(approved);
        assertThat(tillBalance()).isEqualTo(15_000);
        assertThat(cardClearingBalance()).isEqualTo(clearingBefore - 15_000);
    }

    @Test
    void refusalKeepsTheNetworksReasonAndMovesNothing() {
        RegisterOrder order = order(merchantId, customerId, 15_000);
        register.openCardPayment(order, NETWORK);

        RegisterEntry refused = register.completeCardPayment(order.ticketId(),
                CardOutcome.refused("do_not_honour", "123456789013", "000043"));
        RegisterEntry lateApproval = register.completeCardPayment(order.ticketId(),
                CardOutcome.approved("ZZZZZZ", "123456789013", "000043"));

        assertThat(refused.status()).isEqualTo(RegisterStatus.REFUSED);
        assertThat(refused.reason()).isEqualTo("do_not_honour");
        assertThat(refused.rrn()).isEqualTo("123456789013");
        assertThat(lateApproval).isEqualTo(refused);
        assertThat(tillBalance()).isZero();
    }

    @Test
    void lateApprovalOfAReversedPaymentMovesNoMoneyAndIsRecorded() {
        RegisterOrder order = order(merchantId, customerId, 15_000);
        register.openCardPayment(order, NETWORK);
        Instant receivedAt = Instant.parse("2026-12-01T10:00:04Z");

        RegisterEntry reversed = register.markReversed(order.ticketId());
        RegisterEntry completedLate = register.completeCardPayment(order.ticketId(),
                CardOutcome.approved("LATE01", "123456789014", "000044"));
        RegisterEntry afterLateApproval = register.recordLateAnswer(order.ticketId(),
                new LateOutcome("0110", "00", "LATE01", receivedAt));
        RegisterEntry afterSecondLateAnswer = register.recordLateAnswer(order.ticketId(),
                new LateOutcome("0110", "05", null, receivedAt.plusSeconds(1)));

        assertThat(reversed.status()).isEqualTo(RegisterStatus.REVERSED);
        assertThat(completedLate).as("an answer to a reversed entry completes nothing").isEqualTo(reversed);
        assertThat(afterLateApproval.status()).isEqualTo(RegisterStatus.REVERSED);
        assertThat(afterLateApproval.authCode()).isNull();
        assertThat(afterLateApproval.lateOutcome()).isEqualTo(new LateOutcome("0110", "00", "LATE01", receivedAt));
        assertThat(afterLateApproval.lateOutcome().approved()).isTrue();
        assertThat(afterSecondLateAnswer).as("the first late answer is kept").isEqualTo(afterLateApproval);
        assertThat(register.markReversed(order.ticketId())).isEqualTo(afterLateApproval);
        assertThat(register.recentLateAnswers(10)).extracting(RegisterEntry::ticketId).contains(order.ticketId());
        assertThat(tillBalance()).isZero();
    }

    @Test
    void lateAnswerReachingAPendingEntryIsRecordedAndTheReversalThatFollowsMovesNothing() {
        RegisterOrder order = order(merchantId, customerId, 15_000);
        register.openCardPayment(order, NETWORK);

        RegisterEntry noted = register.recordLateAnswer(order.ticketId(),
                new LateOutcome("0110", "00", "LATE02", Instant.parse("2026-12-01T10:00:04Z")));
        RegisterEntry reversed = register.markReversed(order.ticketId());

        assertThat(noted.status()).isEqualTo(RegisterStatus.PENDING);
        assertThat(noted.lateOutcome().approvalCode()).isEqualTo("LATE02");
        assertThat(reversed.status()).isEqualTo(RegisterStatus.REVERSED);
        assertThat(reversed.lateOutcome()).isEqualTo(noted.lateOutcome());
        assertThat(tillBalance()).isZero();
    }

    @Test
    void aSecondAnswerToAPaymentAnsweredInTimeIsNoLateOutcome() {
        RegisterOrder order = order(merchantId, customerId, 15_000);
        register.openCardPayment(order, NETWORK);
        RegisterEntry approved = register.completeCardPayment(order.ticketId(),
                CardOutcome.approved("A1B2C3", "123456789016", "000046"));

        RegisterEntry after = register.recordLateAnswer(order.ticketId(),
                new LateOutcome("0110", "00", "A1B2C3", Instant.parse("2026-12-01T10:00:04Z")));

        assertThat(after).isEqualTo(approved);
        assertThat(after.lateOutcome()).isNull();
    }

    @Test
    void reversingAnApprovedPaymentGivesTheMoneyBackToCardClearing() {
        RegisterOrder order = order(merchantId, customerId, 15_000);
        register.openCardPayment(order, NETWORK);
        register.completeCardPayment(order.ticketId(), CardOutcome.approved("A1B2C3", "123456789015", "45"));

        RegisterEntry reversed = register.markReversed(order.ticketId());
        RegisterEntry reversedAgain = register.markReversed(order.ticketId());

        assertThat(reversed.status()).isEqualTo(RegisterStatus.REVERSED);
        assertThat(reversedAgain).isEqualTo(reversed);
        assertThat(tillBalance()).isZero();
    }

    @Test
    void openingRefusesWhatTheLedgerCannotSettle() {
        CardPaymentOpening unknownCustomer = register.openCardPayment(order(merchantId, "nobody", 15_000), NETWORK);

        assertThat(unknownCustomer.entry().status()).isEqualTo(RegisterStatus.REFUSED);
        assertThat(unknownCustomer.entry().reason()).isEqualTo("unknown_customer");
        assertThat(unknownCustomer.sendAuthorization()).isFalse();
    }

    @Test
    void cardOperationsOnTicketsOutsideTheCardPathAreFaults() {
        assertThatThrownBy(() -> register.completeCardPayment("never-seen", CardOutcome.approved("A1", null, null)))
                .isInstanceOf(UnknownTicketException.class);
        RegisterOrder walletOrder = order(merchantId, customerId, 10);
        register.authOnly(order(walletOrder.ticketId(), merchantId, customerId, 0));
        assertThatThrownBy(() -> register.markReversed(walletOrder.ticketId())).isInstanceOf(LedgerException.class);
    }

    @Test
    void cardOutcomesAreValidated() {
        assertThatThrownBy(() -> CardOutcome.approved("TOOLONG7", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardOutcome.refused(" ", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardOutcome.approved("A1", "1234567890123", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardOutcome.approved("A1", null, "1234567"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long tillBalance() {
        return accounts.till(merchantId).orElseThrow().balanceMinor();
    }

    private long cardClearingBalance() {
        return accounts.byCode(SystemAccount.CARD_CLEARING.code(EUR)).map(account -> account.balanceMinor())
                .orElse(0L);
    }
}
