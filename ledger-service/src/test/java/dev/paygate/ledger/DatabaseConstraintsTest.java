package dev.paygate.ledger;

import static dev.paygate.ledger.testsupport.Fixtures.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.party.Customer;
import dev.paygate.ledger.party.Merchant;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every statement here is raw SQL, as a careless script or a bug elsewhere would send it: the
 * database itself must refuse what would create, lose or double-count money.
 */
class DatabaseConstraintsTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private Fixtures fixtures;
    private Accounts accounts;
    private Customer customer;
    private Merchant merchant;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(database.dataSource());
        accounts = new Accounts(database.dataSource());
        customer = fixtures.fundedCustomer("c-" + UUID.randomUUID().toString().substring(0, 8), 1_000);
        merchant = fixtures.merchant("m-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void rawTransferThatWouldOverdrawAWalletIsRejected() {
        assertRejectedBy("wallet_balance_not_negative", rawTransfer(UUID.randomUUID().toString(),
                customer.walletAccountId(), merchant.tillAccountId(), 1_001, EUR));
        assertThat(walletBalance()).isEqualTo(1_000);
    }

    @Test
    void rawTransferThatWouldFillAWalletAboveItsCapIsRejected() {
        long funding = accounts.byCode(SystemAccount.TOP_UP_FUNDING.code(EUR)).orElseThrow().accountId();
        assertRejectedBy("wallet_balance_within_cap", rawTransfer(UUID.randomUUID().toString(), funding,
                customer.walletAccountId(), Fixtures.WALLET_CAP_MINOR - 999, EUR));
        assertThat(walletBalance()).isEqualTo(1_000);
    }

    @Test
    void rawTransferBetweenCurrenciesIsRejected() {
        Merchant dollarMerchant = fixtures.merchant("usd-" + UUID.randomUUID().toString().substring(0, 8), "USD");
        assertRejectedBy("transfer_currency_matches_accounts", rawTransfer(UUID.randomUUID().toString(),
                customer.walletAccountId(), dollarMerchant.tillAccountId(), 100, EUR));
    }

    @Test
    void rawTransferReusingAnIdempotencyKeyIsRejected() throws SQLException {
        String key = UUID.randomUUID().toString();
        database.execute(rawTransfer(key, customer.walletAccountId(), merchant.tillAccountId(), 100, EUR));

        assertRejectedBy("transfer_idempotency_key_key",
                rawTransfer(key, customer.walletAccountId(), merchant.tillAccountId(), 100, EUR));
        assertThat(walletBalance()).isEqualTo(900);
    }

    @Test
    void rawTransferOfNoMoneyIsRejected() {
        assertRejectedBy("transfer_amount_minor_check", rawTransfer(UUID.randomUUID().toString(),
                customer.walletAccountId(), merchant.tillAccountId(), 0, EUR));
        assertRejectedBy("transfer_amount_minor_check", rawTransfer(UUID.randomUUID().toString(),
                customer.walletAccountId(), merchant.tillAccountId(), -50, EUR));
    }

    @Test
    void balanceCannotBeEditedDirectly() {
        assertRejectedBy("balance_changes_by_transfer_only",
                "update ledger.account set balance_minor = balance_minor + 1 where account_id = "
                        + customer.walletAccountId());
        assertRejectedBy("balance_changes_by_transfer_only",
                "update ledger.account set currency = 'USD' where account_id = " + merchant.tillAccountId());
    }

    @Test
    void accountCannotOpenWithMoneyInIt() {
        assertRejectedBy("account_opens_at_zero", "insert into ledger.account (code, kind, currency, balance_minor)"
                + " values ('printing-press:EUR', 'SYSTEM', 'EUR', 1000000)");
    }

    @Test
    void walletCapCannotDropBelowTheBalance() {
        assertRejectedBy("wallet_balance_within_cap",
                "update ledger.account set cap_minor = 999 where account_id = " + customer.walletAccountId());
    }

    @Test
    void transfersCannotBeChangedDeletedOrTruncated() {
        assertRejectedBy("transfer_append_only", "update ledger.transfer set amount_minor = amount_minor + 1");
        assertRejectedBy("transfer_append_only", "delete from ledger.transfer");
        assertRejectedBy("transfer_not_truncated", "truncate ledger.transfer cascade");
    }

    @Test
    void tillCreditsAreWrittenOnlyByTheirTransferAndOnlyEverMarkedFolded() {
        RegisterEntry payment = paidEntry(300);
        String credit = "(select transfer_id from ledger.transfer where register_serial = " + payment.serial() + ")";
        assertRejectedBy("till_credit_written_by_transfer", "insert into ledger.till_credit (transfer_id,"
                + " till_account_id, amount_minor) select transfer_id + 1000000, credit_account_id, 1 from"
                + " ledger.transfer where register_serial = " + payment.serial());
        assertRejectedBy("till_credit_folded_once",
                "update ledger.till_credit set amount_minor = 3000 where transfer_id = " + credit);
        assertRejectedBy("till_credit_folded_once", "delete from ledger.till_credit where transfer_id = " + credit);
        assertRejectedBy("till_credit_not_truncated", "truncate ledger.till_credit");
        assertRejectedBy("till_credit_folded_once",
                "update ledger.till_credit set folded_at = now() where transfer_id = " + credit,
                "update ledger.till_credit set folded_at = null where transfer_id = " + credit);
        assertThat(accounts.till(merchant.merchantId()).orElseThrow().balanceMinor()).isEqualTo(300);
    }

    @Test
    void refundsCannotAddUpToMoreThanWasPaid() throws SQLException {
        RegisterEntry payment = paidEntry(1_000);
        database.executeInTransaction(rawRefund(payment, "refund-a-" + payment.serial(), 600));

        assertRejectedBy("refunds_within_paid_amount", rawRefund(payment, "refund-b-" + payment.serial(), 401));
        assertThat(walletBalance()).isEqualTo(600);
    }

    @Test
    void refundMustMatchItsTransfer() {
        RegisterEntry payment = paidEntry(500);
        String key = "refund-mismatch-" + payment.serial();
        assertRejectedBy("refund_matches_transfer",
                rawTransfer("refund:" + key, merchant.tillAccountId(), customer.walletAccountId(), 100, EUR,
                        "REFUND", payment.serial()),
                "insert into ledger.refund (serial, idempotency_key, amount_minor, transfer_id) values ("
                        + payment.serial() + ", '" + key + "', 400, currval('ledger.transfer_transfer_id_seq'))");
    }

    @Test
    void refundedTotalCannotBeEditedDirectly() {
        RegisterEntry payment = paidEntry(500);
        assertRejectedBy("refunded_total_by_refund_only",
                "update ledger.register_entry set refunded_minor = 0 where serial = " + payment.serial());
    }

    @Test
    void registerEntriesAreNeverDeleted() {
        RegisterEntry payment = paidEntry(100);
        assertRejectedBy("register_entry_kept", "delete from ledger.register_entry where serial = " + payment.serial());
    }

    @Test
    void aMerchantIsSweptAtMostOncePerDay() {
        long settlement = new Ledger(database.dataSource()).systemAccount(SystemAccount.BANK_SETTLEMENT, EUR)
                .accountId();
        paidEntry(800);
        String sweepPayment = "insert into ledger.sweep_payment (business_day, merchant_id, amount_minor, currency,"
                + " creditor_name, creditor_iban, creditor_bic, transfer_id) values ('2031-01-01', '"
                + merchant.merchantId() + "', 400, 'EUR', 'Shop', 'DE89370400440532013000', 'COBADEFFXXX',"
                + " currval('ledger.transfer_transfer_id_seq'))";
        assertRejectedBy("sweep_pays_merchant_once_per_day",
                "insert into ledger.sweep_run (business_day, message_id) values ('2031-01-01', 'PGSWEEP-20310101')",
                rawTransfer("sweep-a", merchant.tillAccountId(), settlement, 400, EUR, "SWEEP", null),
                sweepPayment,
                rawTransfer("sweep-b", merchant.tillAccountId(), settlement, 400, EUR, "SWEEP", null),
                sweepPayment);
    }

    private RegisterEntry paidEntry(long amountMinor) {
        RegisterEntry entry = new PaymentRegister(database.dataSource())
                .settleWalletPayment(Fixtures.order(merchant.merchantId(), customer.customerId(), amountMinor))
                .entry();
        assertThat(entry.approved()).isTrue();
        return entry;
    }

    private String[] rawRefund(RegisterEntry payment, String key, long amountMinor) {
        return new String[] {
            rawTransfer("refund:" + key, merchant.tillAccountId(), customer.walletAccountId(), amountMinor, EUR,
                    "REFUND", payment.serial()),
            "insert into ledger.refund (serial, idempotency_key, amount_minor, transfer_id) values ("
                    + payment.serial() + ", '" + key + "', " + amountMinor
                    + ", currval('ledger.transfer_transfer_id_seq'))"
        };
    }

    private static String rawTransfer(String key, long debitAccountId, long creditAccountId, long amountMinor,
            String currency) {
        return rawTransfer(key, debitAccountId, creditAccountId, amountMinor, currency, "WALLET_PAYMENT", null);
    }

    private static String rawTransfer(String key, long debitAccountId, long creditAccountId, long amountMinor,
            String currency, String kind, Long registerSerial) {
        return "insert into ledger.transfer (idempotency_key, kind, debit_account_id, credit_account_id,"
                + " amount_minor, currency, register_serial) values ('" + key + "', '" + kind + "', "
                + debitAccountId + ", " + creditAccountId + ", " + amountMinor + ", '" + currency + "', "
                + registerSerial + ")";
    }

    private void assertRejectedBy(String constraint, String... statements) {
        assertThatThrownBy(() -> database.executeInTransaction(statements))
                .isInstanceOf(SQLException.class)
                .satisfies(failure -> assertThat(SqlSupport.violatedConstraint(failure)).contains(constraint));
    }

    private long walletBalance() {
        return accounts.wallet(customer.customerId()).orElseThrow().balanceMinor();
    }
}
