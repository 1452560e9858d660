package dev.paygate.ledger.register;

import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.Account;
import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.IdempotencyConflictException;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RefundsTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private PaymentRegister register;
    private Refunds refunds;
    private Accounts accounts;
    private String customerId;
    private String merchantId;

    @BeforeEach
    void setUp() {
        register = new PaymentRegister(database.dataSource());
        refunds = new Refunds(database.dataSource());
        accounts = new Accounts(database.dataSource());
        Fixtures fixtures = new Fixtures(database.dataSource());
        customerId = "c-" + UUID.randomUUID().toString().substring(0, 8);
        merchantId = "m-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.fundedCustomer(customerId, 5_000);
        fixtures.merchant(merchantId);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        assertThat(new LedgerInvariants(database.dataSource()).check().violations()).isEmpty();
    }

    @Test
    void refundMovesMoneyFromTheTillBackToTheWallet() {
        RegisterEntry payment = paid(2_000);

        RefundOutcome outcome = refunds.refund(payment.ticketId(), 500, "r-" + payment.serial());

        assertThat(outcome.approved()).isTrue();
        assertThat(outcome.refundId()).isNotNull();
        assertThat(walletBalance()).isEqualTo(3_500);
        assertThat(tillBalance()).isEqualTo(1_500);
        assertThat(register.findByTicket(payment.ticketId()).orElseThrow().refundedMinor()).isEqualTo(500);
    }

    @Test
    void refundsStopAtThePaidAmount() {
        RegisterEntry payment = paid(1_000);
        assertThat(refunds.refund(payment.ticketId(), 600, "r1-" + payment.serial()).approved()).isTrue();

        RefundOutcome tooMuch = refunds.refund(payment.ticketId(), 401, "r2-" + payment.serial());
        RefundOutcome rest = refunds.refund(payment.ticketId(), 400, "r3-" + payment.serial());

        assertThat(tooMuch.reason()).isEqualTo(RefusalReason.EXCEEDS_PAID_AMOUNT);
        assertThat(rest.approved()).isTrue();
        assertThat(walletBalance()).isEqualTo(5_000);
    }

    @Test
    void replayedRefundMovesNothingAndAReusedKeyIsAConflict() {
        RegisterEntry payment = paid(1_000);
        RefundOutcome first = refunds.refund(payment.ticketId(), 300, "same-" + payment.serial());

        RefundOutcome replay = refunds.refund(payment.ticketId(), 300, "same-" + payment.serial());

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.refundId()).isEqualTo(first.refundId());
        assertThat(walletBalance()).isEqualTo(4_300);
        assertThatThrownBy(() -> refunds.refund(payment.ticketId(), 299, "same-" + payment.serial()))
                .isInstanceOf(IdempotencyConflictException.class);
    }

    @Test
    void onlyApprovedPaymentsAreRefundable() {
        RegisterEntry refused = register.settleWalletPayment(order(merchantId, customerId, 9_999)).entry();
        RegisterEntry authOnly = register.authOnly(order(merchantId, customerId, 0));

        assertThat(refunds.refund(refused.ticketId(), 1, "x-" + refused.serial()).reason())
                .isEqualTo(RefusalReason.NOT_REFUNDABLE);
        assertThat(refunds.refund(authOnly.ticketId(), 1, "x-" + authOnly.serial()).reason())
                .isEqualTo(RefusalReason.NOT_REFUNDABLE);
        assertThat(refunds.refund("never-seen", 1, "x-never").reason()).isEqualTo(RefusalReason.UNKNOWN_TICKET);
    }

    @Test
    void refundThatWouldFillTheWalletAboveItsCapIsRefused() {
        RegisterEntry payment = paid(1_000);
        new CustomerRecords(database.dataSource()).setWalletCap(customerId, 4_500);

        RefundOutcome outcome = refunds.refund(payment.ticketId(), 600, "cap-" + payment.serial());

        assertThat(outcome.reason()).isEqualTo(RefusalReason.OVER_LIMIT);
        assertThat(tillBalance()).isEqualTo(1_000);
    }

    @Test
    void cardPaymentsAreRefundedToTheWallet() {
        RegisterOrder order = order(merchantId, customerId, 20_000);
        register.openCardPayment(order, "visa");
        register.completeCardPayment(order.ticketId(), CardOutcome.approved("A1B2C3", "000000000042", "1"));

        assertThat(refunds.refund(order.ticketId(), 1_000, "card-" + order.ticketId()).approved()).isTrue();

        assertThat(walletBalance()).isEqualTo(6_000);
        assertThat(tillBalance()).isEqualTo(19_000);
    }

    @Test
    void cardRefundPaysCardClearingAndIsFoundByItsKey() {
        RegisterOrder order = order(merchantId, customerId, 20_000);
        register.openCardPayment(order, "visa");
        register.completeCardPayment(order.ticketId(), CardOutcome.approved("A1B2C3", "000000000042", "1"));
        long clearingBeforeMinor = cardClearingBalance();

        RefundOutcome refund = refunds.refundToCard(order.ticketId(), 1_500, "to-card-" + order.ticketId());

        assertThat(refund.approved()).isTrue();
        assertThat(walletBalance()).as("the card, not the wallet, gets it back").isEqualTo(5_000);
        assertThat(tillBalance()).isEqualTo(18_500);
        assertThat(cardClearingBalance() - clearingBeforeMinor).isEqualTo(1_500);
        assertThat(refunds.find("to-card-" + order.ticketId())).hasValueSatisfying(found -> {
            assertThat(found.refundId()).isEqualTo(refund.refundId());
            assertThat(found.replayed()).isTrue();
        });
        assertThat(refunds.find("never-used")).isEmpty();
    }

    @Test
    void aWalletPaymentCannotBeRefundedToACard() {
        RegisterEntry payment = paid(1_000);

        assertThat(refunds.refundToCard(payment.ticketId(), 100, "wrong-way-" + payment.serial()).reason())
                .isEqualTo(RefusalReason.NOT_REFUNDABLE);
    }

    private long cardClearingBalance() {
        return accounts.systemAccounts().stream()
                .filter(account -> account.code().startsWith("card-clearing"))
                .mapToLong(Account::balanceMinor).sum();
    }

    private RegisterEntry paid(long amountMinor) {
        RegisterEntry entry = register.settleWalletPayment(order(merchantId, customerId, amountMinor)).entry();
        assertThat(entry.approved()).isTrue();
        return entry;
    }

    private long walletBalance() {
        return accounts.wallet(customerId).orElseThrow().balanceMinor();
    }

    private long tillBalance() {
        return accounts.till(merchantId).orElseThrow().balanceMinor();
    }
}
