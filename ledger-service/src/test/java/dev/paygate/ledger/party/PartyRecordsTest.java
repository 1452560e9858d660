package dev.paygate.ledger.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.Account;
import dev.paygate.ledger.AccountKind;
import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.LedgerException;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PartyRecordsTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private CustomerRecords customers;
    private MerchantRecords merchants;
    private Accounts accounts;

    @BeforeEach
    void setUp() {
        customers = new CustomerRecords(database.dataSource());
        merchants = new MerchantRecords(database.dataSource());
        accounts = new Accounts(database.dataSource());
    }

    @Test
    void enrollingACustomerOpensAnEmptyWalletWithItsCap() {
        Customer customer = customers.create(new NewCustomer("carol", "Carol", "EUR", 25_000));

        Account wallet = accounts.wallet("carol").orElseThrow();
        assertThat(customer.walletAccountId()).isEqualTo(wallet.accountId());
        assertThat(wallet.kind()).isEqualTo(AccountKind.WALLET);
        assertThat(wallet.balanceMinor()).isZero();
        assertThat(wallet.capMinor()).hasValue(25_000);
        assertThat(customer.blocked()).isFalse();
        assertThat(customers.find("carol")).contains(customer);
        assertThatThrownBy(() -> customers.create(new NewCustomer("carol", "Other", "EUR", 1)))
                .isInstanceOf(PartyExistsException.class);
    }

    @Test
    void blockingAndCapChangesAreKept() {
        customers.create(new NewCustomer("dave", "Dave", "EUR", 10_000));
        new Fixtures(database.dataSource()).topUps().topUpWallet("dave", 6_000, "EUR", "dave-1", "OK1", null);

        assertThat(customers.setBlocked("dave", true).blocked()).isTrue();
        assertThat(customers.setWalletCap("dave", 6_000).walletCapMinor()).isEqualTo(6_000);
        assertThatThrownBy(() -> customers.setWalletCap("dave", 5_999)).isInstanceOf(LedgerException.class);
        assertThatThrownBy(() -> customers.setBlocked("nobody", true)).isInstanceOf(UnknownPartyException.class);
    }

    @Test
    void enrollingAMerchantOpensATillAndKeepsTheCardAcceptorData() {
        Merchant merchant = merchants.create(new NewMerchant("bookshop", "Book Shop", "5942",
                new BankAccount("de89 3704 0044 0532 0130 00", "cobadeffxxx"), "TERM0001", "ACCEPTOR0000001",
                "Book Shop            Berlin       DE", "EUR"));

        assertThat(merchant.bankAccount()).isEqualTo(Fixtures.MERCHANT_BANK);
        assertThat(merchant.terminalId()).isEqualTo("TERM0001");
        assertThat(merchant.acceptorId()).isEqualTo("ACCEPTOR0000001");
        assertThat(merchant.tillCurrency()).isEqualTo("EUR");
        assertThat(accounts.till("bookshop").orElseThrow().accountId()).isEqualTo(merchant.tillAccountId());
        assertThat(accounts.tills()).extracting(Account::ownerId).contains("bookshop");
        assertThat(merchants.list()).extracting(Merchant::merchantId).contains("bookshop");
        assertThat(merchants.changeBankAccount("bookshop", Fixtures.OPERATOR_BANK).bankAccount())
                .isEqualTo(Fixtures.OPERATOR_BANK);
    }

    @Test
    void rejectsInvalidPartyData() {
        assertThatThrownBy(() -> new BankAccount("DE89370400440532013001", "COBADEFFXXX"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IBAN");
        assertThatThrownBy(() -> new BankAccount("DE89370400440532013000", "COBA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BIC");
        assertThatThrownBy(() -> new NewCustomer("has space", "X", "EUR", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NewCustomer("x", "X", "EURO", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> newMerchant("TERM001", "ACCEPTOR0000001", "5942"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DE 41");
        assertThatThrownBy(() -> newMerchant("TERM0001", "ACCEPTOR", "5942"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DE 42");
        assertThatThrownBy(() -> newMerchant("TERM0001", "ACCEPTOR0000001", "59"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mcc");
    }

    private static NewMerchant newMerchant(String terminalId, String acceptorId, String mcc) {
        return new NewMerchant("m", "M", mcc, Fixtures.MERCHANT_BANK, terminalId, acceptorId, "M Berlin DE", "EUR");
    }
}
