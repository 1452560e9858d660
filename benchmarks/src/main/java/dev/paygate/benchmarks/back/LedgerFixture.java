package dev.paygate.benchmarks.back;

import dev.paygate.ledger.Account;
import dev.paygate.ledger.Ledger;
import dev.paygate.ledger.LedgerSchema;
import dev.paygate.ledger.SystemAccount;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.ledger.vault.VaultKeys;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The back unit's ledger for the bench: {@value #WALLETS} funded customer wallets, {@value #SPREAD_MERCHANTS}
 * merchants whose tills share the load, one hot merchant every payment of the hot-till runs goes to, and
 * cards on file (the simulator's always-approve card) for the first {@value #CARD_CUSTOMERS} customers.
 * Customers go in bulk through the same tables, constraints and triggers as enrollment uses.
 */
public final class LedgerFixture {

    public static final int WALLETS = 10_000;
    public static final int SPREAD_MERCHANTS = 500;
    public static final int CARD_CUSTOMERS = 200;
    public static final String CURRENCY = "EUR";
    public static final String HOT_MERCHANT = "bench-hot";
    private static final long WALLET_FUNDS_MINOR = 10_000_000;
    /** The simulator's always-approve test card, EUR 1 billion available; a test PAN, never a customer's. */
    private static final String ALWAYS_APPROVE_PAN = "4000000000000002";

    private final long[] walletAccountIds;
    private final long[] spreadTillAccountIds;
    private final long hotTillAccountId;

    private LedgerFixture(long[] walletAccountIds, long[] spreadTillAccountIds, long hotTillAccountId) {
        this.walletAccountIds = walletAccountIds;
        this.spreadTillAccountIds = spreadTillAccountIds;
        this.hotTillAccountId = hotTillAccountId;
    }

    public static LedgerFixture seed(DataSource dataSource, VaultKeys vaultKeys) throws SQLException {
        LedgerSchema.migrate(dataSource);
        MerchantRecords merchants = new MerchantRecords(dataSource);
        long hotTill = merchants.create(merchant(HOT_MERCHANT, 0)).tillAccountId();
        long[] spreadTills = new long[SPREAD_MERCHANTS];
        for (int index = 0; index < SPREAD_MERCHANTS; index++) {
            spreadTills[index] = merchants.create(merchant(spreadMerchantId(index), index + 1)).tillAccountId();
        }
        Account funding = new Ledger(dataSource).systemAccount(SystemAccount.TOP_UP_FUNDING, CURRENCY);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into ledger.account (code, kind, owner_id, currency, cap_minor)"
                    + " select 'wallet:' || 'bench-' || i, 'WALLET', 'bench-' || i, '" + CURRENCY + "', "
                    + WALLET_FUNDS_MINOR * 10 + " from generate_series(0, " + (WALLETS - 1) + ") i");
            statement.execute("insert into ledger.customer (customer_id, display_name, wallet_account_id)"
                    + " select owner_id, owner_id, account_id from ledger.account where code like 'wallet:bench-%'");
            statement.execute("insert into ledger.transfer (idempotency_key, kind, debit_account_id,"
                    + " credit_account_id, amount_minor, currency) select 'seed-' || account_id, 'TOP_UP', "
                    + funding.accountId() + ", account_id, " + WALLET_FUNDS_MINOR + ", '" + CURRENCY + "'"
                    + " from ledger.account where code like 'wallet:bench-%'");
            statement.execute("analyze");
            List<Long> ids = new ArrayList<>(WALLETS);
            try (ResultSet row = statement.executeQuery(
                    "select account_id from ledger.account where code like 'wallet:bench-%' order by account_id")) {
                while (row.next()) {
                    ids.add(row.getLong(1));
                }
            }
            CardVault vault = new CardVault(dataSource, vaultKeys);
            for (int index = 0; index < CARD_CUSTOMERS; index++) {
                vault.enroll(customerId(index), ALWAYS_APPROVE_PAN.toCharArray(), YearMonth.of(2049, 12));
            }
            return new LedgerFixture(ids.stream().mapToLong(Long::longValue).toArray(), spreadTills, hotTill);
        }
    }

    private static NewMerchant merchant(String merchantId, int number) {
        return new NewMerchant(merchantId, "Bench merchant " + number, "5999",
                new BankAccount("DE89370400440532013000", "COBADEFFXXX"), String.format("B%07d", number),
                String.format("BENCH%010d", number), "Bench merchant " + number + " Berlin DE", CURRENCY);
    }

    public static String customerId(int index) {
        return "bench-" + index;
    }

    public static String spreadMerchantId(int index) {
        return "bench-m" + index;
    }

    public static String randomCustomerId() {
        return customerId(ThreadLocalRandom.current().nextInt(WALLETS));
    }

    public static String randomSpreadMerchantId() {
        return spreadMerchantId(ThreadLocalRandom.current().nextInt(SPREAD_MERCHANTS));
    }

    public static String randomCardCustomerId() {
        return customerId(ThreadLocalRandom.current().nextInt(CARD_CUSTOMERS));
    }

    public long randomWalletAccountId() {
        return walletAccountIds[ThreadLocalRandom.current().nextInt(walletAccountIds.length)];
    }

    public long randomSpreadTillAccountId() {
        return spreadTillAccountIds[ThreadLocalRandom.current().nextInt(spreadTillAccountIds.length)];
    }

    public long hotTillAccountId() {
        return hotTillAccountId;
    }

    public static VaultKeys vaultKeys(String base64Key) {
        return VaultKeys.fromBase64(Map.of("k1", base64Key), "k1");
    }
}
