package dev.paygate.ledger.invariant;

import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.ledger.register.CardOutcome;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterOrder;
import dev.paygate.ledger.register.Refunds;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each test breaks one row behind the ledger's back, the way only a superuser can (triggers off
 * with {@code session_replication_role = replica}), and expects the check to name it.
 */
class LedgerInvariantsTest {

    /** Each test damages its database on purpose. */
    @RegisterExtension
    final LedgerDatabase database = LedgerDatabase.perTest();

    private LedgerInvariants invariants;
    private RegisterEntry walletPayment;
    private long walletAccountId;

    @BeforeEach
    void setUp() {
        Fixtures fixtures = new Fixtures(database.dataSource());
        PaymentRegister register = new PaymentRegister(database.dataSource());
        walletAccountId = fixtures.fundedCustomer("alice", 10_000).walletAccountId();
        fixtures.merchant("bakery");
        walletPayment = register.settleWalletPayment(order("bakery", "alice", 2_000)).entry();
        new Refunds(database.dataSource()).refund(walletPayment.ticketId(), 500, "refund-1");
        RegisterOrder cardOrder = order("bakery", "alice", 30_000);
        register.openCardPayment(cardOrder, "visa");
        register.completeCardPayment(cardOrder.ticketId(), CardOutcome.approved("OK0001", "000000000001", "1"));
        register.openCardPayment(order("bakery", "alice", 45_000), "visa");
        invariants = new LedgerInvariants(database.dataSource());
    }

    @Test
    void healthyLedgerHasNoViolation() {
        InvariantReport report = invariants.check();

        assertThat(report.healthy()).isTrue();
        assertThat(report.violations()).isEmpty();
        assertThat(report.toString()).startsWith("ledger healthy at");
    }

    @Test
    void findsABalanceEditedBehindTheLedgersBack() throws SQLException {
        behindTheLedgersBack("update ledger.account set balance_minor = balance_minor + 700 where code = 'wallet:alice'");

        InvariantReport report = invariants.check();

        assertThat(report.healthy()).isFalse();
        assertThat(report.violations()).containsExactlyInAnyOrder(
                new InvariantViolation(InvariantRule.BALANCES_SUM_TO_ZERO, "currency EUR", 0, 700),
                new InvariantViolation(InvariantRule.BALANCE_MATCHES_JOURNAL, "account wallet:alice", 8_500, 9_200));
        assertThat(report.toString()).contains("expected 8500, found 9200", "off by 700");
    }

    @Test
    void findsATransferWhoseAmountWasRewritten() throws SQLException {
        behindTheLedgersBack("update ledger.transfer set amount_minor = 1_999 where register_serial = "
                + walletPayment.serial() + " and kind = 'WALLET_PAYMENT'");

        InvariantReport report = invariants.check();

        assertThat(report.violations()).contains(
                new InvariantViolation(InvariantRule.REGISTER_ENTRY_BALANCES, "register serial "
                        + walletPayment.serial() + " (ticket " + walletPayment.ticketId() + ", APPROVED wallet)",
                        1_500, 1_499),
                new InvariantViolation(InvariantRule.BALANCE_MATCHES_JOURNAL, "account wallet:alice", 8_501, 8_500),
                new InvariantViolation(InvariantRule.BALANCE_MATCHES_JOURNAL, "account till:bakery", 31_499, 31_500));
        assertThat(report.violations()).noneMatch(v -> v.rule() == InvariantRule.BALANCES_SUM_TO_ZERO);
    }

    @Test
    void findsAnApprovedEntryWithoutItsMoney() throws SQLException {
        behindTheLedgersBack("update ledger.register_entry set status = 'APPROVED' where status = 'PENDING'");

        InvariantReport report = invariants.check();

        assertThat(report.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo(InvariantRule.REGISTER_ENTRY_BALANCES);
            assertThat(violation.expectedMinor()).isEqualTo(45_000);
            assertThat(violation.actualMinor()).isZero();
        });
    }

    @Test
    void findsAWalletOverItsCap() throws SQLException {
        behindTheLedgersBack(
                "alter table ledger.account drop constraint wallet_balance_within_cap",
                "update ledger.account set cap_minor = 8_000 where account_id = " + walletAccountId);

        InvariantReport report = invariants.check();

        assertThat(report.violations()).containsExactly(
                new InvariantViolation(InvariantRule.WALLET_WITHIN_BOUNDS, "account wallet:alice", 8_000, 8_500));
    }

    private void behindTheLedgersBack(String... statements) throws SQLException {
        String[] withTriggersOff = new String[statements.length + 1];
        withTriggersOff[0] = "set session_replication_role = replica";
        System.arraycopy(statements, 0, withTriggersOff, 1, statements.length);
        database.executeInTransaction(withTriggersOff);
    }
}
