package dev.paygate.ledger;

import static dev.paygate.ledger.testsupport.Fixtures.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.ledger.party.Customer;
import dev.paygate.ledger.party.Merchant;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LedgerTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private Ledger ledger;
    private Accounts accounts;
    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        ledger = new Ledger(database.dataSource());
        accounts = new Accounts(database.dataSource());
        fixtures = new Fixtures(database.dataSource());
    }

    @AfterEach
    void ledgerStaysBalanced() {
        assertThat(new LedgerInvariants(database.dataSource()).check().violations()).isEmpty();
    }

    @Test
    void debitsOneAccountAndCreditsTheOtherByTheSameAmount() {
        Customer customer = fixtures.fundedCustomer(unique("c"), 10_000);
        Merchant merchant = fixtures.merchant(unique("m"));

        TransferResult result = ledger.transfer(payment("pay-1-" + customer.customerId(), customer, merchant, 2_500));

        assertThat(result).isInstanceOfSatisfying(TransferResult.Posted.class, posted -> {
            assertThat(posted.replayed()).isFalse();
            assertThat(posted.transfer().request().amountMinor()).isEqualTo(2_500);
        });
        assertThat(walletBalance(customer)).isEqualTo(7_500);
        assertThat(tillBalance(merchant)).isEqualTo(2_500);
    }

    @Test
    void replayingAnIdempotencyKeyReturnsTheFirstTransferAndMovesNothing() {
        Customer customer = fixtures.fundedCustomer(unique("c"), 10_000);
        Merchant merchant = fixtures.merchant(unique("m"));
        TransferRequest request = payment("pay-once-" + customer.customerId(), customer, merchant, 1_000);

        TransferResult.Posted first = (TransferResult.Posted) ledger.transfer(request);
        TransferResult.Posted second = (TransferResult.Posted) ledger.transfer(request);

        assertThat(second.replayed()).isTrue();
        assertThat(second.transfer()).isEqualTo(first.transfer());
        assertThat(walletBalance(customer)).isEqualTo(9_000);
        assertThat(tillBalance(merchant)).isEqualTo(1_000);
    }

    @Test
    void reusingAKeyForAnotherMovementIsAConflictAndMovesNothing() {
        Customer customer = fixtures.fundedCustomer(unique("c"), 10_000);
        Merchant merchant = fixtures.merchant(unique("m"));
        String key = "pay-reused-" + customer.customerId();
        ledger.transfer(payment(key, customer, merchant, 1_000));

        assertThatThrownBy(() -> ledger.transfer(payment(key, customer, merchant, 1_001)))
                .isInstanceOf(IdempotencyConflictException.class)
                .hasMessageContaining(key);
        assertThat(walletBalance(customer)).isEqualTo(9_000);
    }

    @Test
    void refusesToOverdrawAWallet() {
        Customer customer = fixtures.fundedCustomer(unique("c"), 999);
        Merchant merchant = fixtures.merchant(unique("m"));

        TransferResult result = ledger.transfer(payment(unique("k"), customer, merchant, 1_000));

        assertThat(result).isEqualTo(new TransferResult.Refused(RefusalReason.INSUFFICIENT_FUNDS));
        assertThat(walletBalance(customer)).isEqualTo(999);
        assertThat(tillBalance(merchant)).isZero();
    }

    @Test
    void refusesToFillAWalletAboveItsCap() {
        Customer customer = fixtures.customer(unique("c"), EUR, 5_000);
        Account funding = ledger.systemAccount(SystemAccount.TOP_UP_FUNDING, EUR);

        TransferResult result = ledger.transfer(new TransferRequest(unique("k"), TransferKind.TOP_UP,
                funding.accountId(), customer.walletAccountId(), 5_001, EUR, null));

        assertThat(result).isEqualTo(new TransferResult.Refused(RefusalReason.OVER_LIMIT));
        assertThat(walletBalance(customer)).isZero();
    }

    @Test
    void fillsAWalletExactlyToItsCap() {
        Customer customer = fixtures.customer(unique("c"), EUR, 5_000);
        Account funding = ledger.systemAccount(SystemAccount.TOP_UP_FUNDING, EUR);

        TransferResult result = ledger.transfer(new TransferRequest(unique("k"), TransferKind.TOP_UP,
                funding.accountId(), customer.walletAccountId(), 5_000, EUR, null));

        assertThat(result).isInstanceOf(TransferResult.Posted.class);
        assertThat(walletBalance(customer)).isEqualTo(5_000);
    }

    @Test
    void refusesATransferBetweenAccountsOfDifferentCurrencies() {
        Customer customer = fixtures.fundedCustomer(unique("c"), 10_000);
        Merchant dollarMerchant = fixtures.merchant(unique("m"), "USD");

        TransferResult inEuro = ledger.transfer(payment(unique("k"), customer, dollarMerchant, 100));
        TransferResult inDollar = ledger.transfer(new TransferRequest(unique("k"), TransferKind.WALLET_PAYMENT,
                customer.walletAccountId(), dollarMerchant.tillAccountId(), 100, "USD", null));

        assertThat(inEuro).isEqualTo(new TransferResult.Refused(RefusalReason.CURRENCY_MISMATCH));
        assertThat(inDollar).isEqualTo(new TransferResult.Refused(RefusalReason.CURRENCY_MISMATCH));
        assertThat(walletBalance(customer)).isEqualTo(10_000);
    }

    @Test
    void systemAccountsGoNegativeWhileTheLedgerStillSumsToZero() {
        fixtures.fundedCustomer(unique("c"), 3_000);

        Account funding = accounts.byCode(SystemAccount.TOP_UP_FUNDING.code(EUR)).orElseThrow();

        assertThat(funding.balanceMinor()).isNegative();
        assertThat(accounts.systemAccounts()).extracting(Account::code).contains("top-up-funding:EUR");
    }

    @Test
    void rejectsMalformedTransferRequests() {
        assertThatThrownBy(() -> new TransferRequest("k", TransferKind.WALLET_PAYMENT, 1, 2, 0, EUR, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransferRequest("k", TransferKind.WALLET_PAYMENT, 1, 1, 10, EUR, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransferRequest("k", TransferKind.WALLET_PAYMENT, 1, 2, 10, "XYZ", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TransferRequest("", TransferKind.WALLET_PAYMENT, 1, 2, 10, EUR, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TransferRequest payment(String key, Customer customer, Merchant merchant, long amountMinor) {
        return new TransferRequest(key, TransferKind.WALLET_PAYMENT, customer.walletAccountId(),
                merchant.tillAccountId(), amountMinor, EUR, null);
    }

    private long walletBalance(Customer customer) {
        return accounts.wallet(customer.customerId()).orElseThrow().balanceMinor();
    }

    private long tillBalance(Merchant merchant) {
        return accounts.till(merchant.merchantId()).orElseThrow().balanceMinor();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
