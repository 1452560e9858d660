package dev.paygate.ledger;

import static dev.paygate.ledger.testsupport.Fixtures.EUR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WalletTopUpsTest {

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private WalletTopUps topUps;
    private Accounts accounts;
    private String customerId;

    @BeforeEach
    void setUp() {
        topUps = new WalletTopUps(database.dataSource());
        accounts = new Accounts(database.dataSource());
        customerId = "c-" + UUID.randomUUID().toString().substring(0, 8);
        new Fixtures(database.dataSource()).customer(customerId, EUR, 10_000);
    }

    @AfterEach
    void ledgerStaysBalanced() {
        assertThat(new LedgerInvariants(database.dataSource()).check().violations()).isEmpty();
    }

    @Test
    void creditsTheWalletFromTopUpFundingAndKeepsTheCardReferences() throws SQLException {
        TopUpOutcome outcome = topUps.topUpWallet(customerId, 2_500, EUR, "t-" + customerId, "OK1234", "987654321098");

        assertThat(outcome.approved()).isTrue();
        assertThat(outcome.replayed()).isFalse();
        assertThat(walletBalance()).isEqualTo(2_500);
        assertThat(cardReferencesOf(outcome.transferId())).isEqualTo("OK1234/987654321098");
    }

    @Test
    void listsTheCustomersTopUpsNewestFirstWithTheirCardReferences() {
        topUps.topUpWallet(customerId, 1_000, EUR, "first-" + customerId, "OK0001", "100000000001");
        topUps.topUpWallet(customerId, 2_000, EUR, "second-" + customerId, "OK0002", "100000000002");
        // A replay is one top-up, listed once.
        topUps.topUpWallet(customerId, 2_000, EUR, "second-" + customerId, "OK0002", "100000000002");

        assertThat(topUps.recentForCustomer(customerId, 10))
                .extracting(WalletTopUps.TopUp::amountMinor, WalletTopUps.TopUp::authCode, WalletTopUps.TopUp::rrn)
                .containsExactly(tuple(2_000L, "OK0002", "100000000002"), tuple(1_000L, "OK0001", "100000000001"));
        assertThat(topUps.recentForCustomer(customerId, 1)).hasSize(1);
        assertThat(topUps.recentForCustomer("nobody-" + customerId, 10)).isEmpty();
    }

    @Test
    void replayedTopUpMovesNothingEvenAfterTheCustomerIsBlocked() {
        TopUpOutcome first = topUps.topUpWallet(customerId, 1_000, EUR, "once-" + customerId, "OK1", null);
        new CustomerRecords(database.dataSource()).setBlocked(customerId, true);

        TopUpOutcome replay = topUps.topUpWallet(customerId, 1_000, EUR, "once-" + customerId, "OK1", null);

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.transferId()).isEqualTo(first.transferId());
        assertThat(walletBalance()).isEqualTo(1_000);
        assertThat(topUps.topUpWallet(customerId, 1_000, EUR, "new-" + customerId, "OK2", null).reason())
                .isEqualTo(RefusalReason.CUSTOMER_BLOCKED);
    }

    @Test
    void refusesATopUpAboveTheWalletCap() {
        topUps.topUpWallet(customerId, 9_000, EUR, "a-" + customerId, "OK1", null);

        TopUpOutcome outcome = topUps.topUpWallet(customerId, 1_001, EUR, "b-" + customerId, "OK2", null);

        assertThat(outcome.approved()).isFalse();
        assertThat(outcome.reason()).isEqualTo(RefusalReason.OVER_LIMIT);
        assertThat(walletBalance()).isEqualTo(9_000);
    }

    @Test
    void refusesUnknownCustomersAndOtherCurrencies() {
        assertThat(topUps.topUpWallet("nobody", 100, EUR, "n-1", "OK1", null).reason())
                .isEqualTo(RefusalReason.UNKNOWN_CUSTOMER);
        assertThat(topUps.topUpWallet(customerId, 100, "USD", "usd-" + customerId, "OK1", null).reason())
                .isEqualTo(RefusalReason.CURRENCY_MISMATCH);
    }

    private long walletBalance() {
        return accounts.wallet(customerId).orElseThrow().balanceMinor();
    }

    private static String cardReferencesOf(long transferId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select auth_code, rrn from ledger.top_up where transfer_id = ?")) {
            select.setLong(1, transferId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString("auth_code") + "/" + row.getString("rrn");
            }
        }
    }
}
