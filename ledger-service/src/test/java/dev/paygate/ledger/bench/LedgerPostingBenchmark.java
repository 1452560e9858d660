package dev.paygate.ledger.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.paygate.ledger.Account;
import dev.paygate.ledger.Ledger;
import dev.paygate.ledger.SystemAccount;
import dev.paygate.ledger.TransferKind;
import dev.paygate.ledger.TransferRequest;
import dev.paygate.ledger.TransferResult;
import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.Merchant;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterOrder;
import dev.paygate.ledger.testsupport.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Ledger postings per second: random wallets (of {@value #WALLETS}) paying one hot till, through
 * {@link Ledger#transfer} and as the same SQL statements over raw JDBC, then the ratio; the full
 * wallet settlement (register entry, basket line, posting) is measured beside them. Not a test:
 * run it with the command in the module README. It runs once with one client thread (the cost of
 * a posting) and once with several (contention on the hot till's row lock). API and raw runs
 * alternate over several rounds, each after a vacuum of the accounts, so the hot till's growing
 * row history weighs on both alike. Settings: {@code -Dbench.threads} (default 4),
 * {@code -Dbench.rounds} (default 3), {@code -Dbench.seconds} per measurement (default 4),
 * {@code -Dbench.warmupSeconds} (default 1).
 */
public final class LedgerPostingBenchmark {

    private static final int WALLETS = 10_000;
    private static final long WALLET_FUNDS_MINOR = 10_000_000;
    private static final String CURRENCY = "EUR";
    private static final String HOT_TILL = "hot-till";

    // The statements Journal.post sends, in its order: lock both accounts, look the key up, insert.
    private static final String LOCK_ACCOUNTS = "select account_id, code, kind, owner_id, currency, balance_minor,"
            + " cap_minor, created_at from ledger.account where account_id in (?, ?) order by account_id for update";
    private static final String FIND_TRANSFER = "select transfer_id, idempotency_key, kind, debit_account_id,"
            + " credit_account_id, amount_minor, currency, register_serial, created_at"
            + " from ledger.transfer where idempotency_key = ?";
    private static final String INSERT_TRANSFER = "insert into ledger.transfer (idempotency_key, kind,"
            + " debit_account_id, credit_account_id, amount_minor, currency, register_serial)"
            + " values (?, ?, ?, ?, ?, ?, ?) returning transfer_id, created_at";

    private final int threadsMax = Integer.getInteger("bench.threads", 4);
    private final int rounds = Integer.getInteger("bench.rounds", 3);
    private final Duration measurement = Duration.ofSeconds(Integer.getInteger("bench.seconds", 4));
    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 1));

    private HikariDataSource dataSource;
    private long[] walletAccountIds;
    private long hotTillAccountId;

    public static void main(String[] arguments) throws Exception {
        new LedgerPostingBenchmark().run();
    }

    @FunctionalInterface
    private interface Operation {
        void run(int thread, long sequence) throws Exception;
    }

    private void run() throws Exception {
        dataSource = EmbeddedPostgresServer.newDatabase("posting_benchmark", threadsMax + 2);
        try {
            seed();
            // Raw posters get their own connections from the driver, outside the API's pool.
            RawPoster[] raw = new RawPoster[threadsMax];
            for (int thread = 0; thread < threadsMax; thread++) {
                raw[thread] = new RawPoster(DriverManager.getConnection(dataSource.getJdbcUrl(),
                        dataSource.getUsername(), dataSource.getPassword()));
            }
            System.out.printf("ledger postings: %,d wallets -> 1 hot till; %d rounds of %d s (after %d s warm-up)"
                    + " per contender%n", WALLETS, rounds, measurement.toSeconds(), warmup.toSeconds());
            compare(1, raw);
            if (threadsMax > 1) {
                compare(threadsMax, raw);
            }
            for (RawPoster poster : raw) {
                poster.close();
            }
            System.out.println("invariants after the run: " + new LedgerInvariants(dataSource).check());
        } finally {
            EmbeddedPostgresServer.dropDatabase(dataSource);
            EmbeddedPostgresServer.stop();
        }
    }

    private void compare(int threads, RawPoster[] raw) throws Exception {
        Ledger ledger = new Ledger(dataSource);
        PaymentRegister register = new PaymentRegister(dataSource);
        double apiTotal = 0;
        double rawTotal = 0;
        System.out.printf("%d client thread(s):%n", threads);
        for (int round = 1; round <= rounds; round++) {
            String prefix = threads + "t-r" + round + "-";
            double api = measure(threads, (thread, sequence) -> {
                TransferResult result = ledger.transfer(posting(prefix + "api-" + thread + "-" + sequence));
                if (!(result instanceof TransferResult.Posted)) {
                    throw new IllegalStateException("posting refused: " + result);
                }
            });
            double rawSql = measure(threads, (thread, sequence) -> raw[thread].post(
                    posting(prefix + "raw-" + thread + "-" + sequence)));
            System.out.printf("  round %d: API %,.0f/s, raw %,.0f/s%n", round, api, rawSql);
            apiTotal += api;
            rawTotal += rawSql;
        }
        double settlement = measure(threads, (thread, sequence) -> {
            if (!register.settleWalletPayment(order(threads + "t-settle-" + thread + "-" + sequence)).approved()) {
                throw new IllegalStateException("wallet payment refused");
            }
        });
        double api = apiTotal / rounds;
        double rawSql = rawTotal / rounds;
        System.out.printf("  %-44s %,10.0f postings/s%n", "Ledger.transfer (our API)", api);
        System.out.printf("  %-44s %,10.0f postings/s%n", "same SQL over raw JDBC", rawSql);
        System.out.printf("  %-44s %10.2f%n", "ratio API / raw", api / rawSql);
        System.out.printf("  %-44s %,10.0f payments/s (ratio to raw %.2f)%n",
                "PaymentRegister.settleWalletPayment", settlement, settlement / rawSql);
    }

    /** Runs the operation on every thread for warm-up plus measurement; returns operations per second measured. */
    private double measure(int threads, Operation operation) throws Exception {
        vacuumAccounts();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long startNanos = System.nanoTime();
            long measureFromNanos = startNanos + warmup.toNanos();
            long stopNanos = measureFromNanos + measurement.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int index = thread;
                counts.add(pool.submit(() -> {
                    long measured = 0;
                    for (long sequence = 0; ; sequence++) {
                        long now = System.nanoTime();
                        if (now >= stopNanos) {
                            return measured;
                        }
                        operation.run(index, sequence);
                        if (now >= measureFromNanos) {
                            measured++;
                        }
                    }
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get(warmup.plus(measurement).toSeconds() + 60, TimeUnit.SECONDS);
            }
            return total / (double) measurement.toSeconds();
        } catch (Exception failure) {
            throw new IllegalStateException("benchmark with " + threads + " thread(s) failed", failure);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    private void vacuumAccounts() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze ledger.account");
        }
    }

    private TransferRequest posting(String key) {
        long wallet = walletAccountIds[ThreadLocalRandom.current().nextInt(WALLETS)];
        return new TransferRequest(key, TransferKind.WALLET_PAYMENT, wallet, hotTillAccountId, 1, CURRENCY, null);
    }

    private static RegisterOrder order(String ticketId) {
        String customerId = "bench-" + (1 + ThreadLocalRandom.current().nextInt(WALLETS));
        return new RegisterOrder(ticketId, HOT_TILL, customerId, ticketId, 1, 0, CURRENCY, null,
                List.of(new OrderItem("sku", "item", 1, 1)), Instant.now());
    }

    /** One merchant through the API; 10,000 funded customers in bulk, through the same triggers. */
    private void seed() throws SQLException {
        Merchant till = new MerchantRecords(dataSource).create(new NewMerchant(HOT_TILL, "Hot Till", "5999",
                new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "BENCH001", "BENCHACCEPTOR01",
                "Hot Till Berlin DE", CURRENCY));
        hotTillAccountId = till.tillAccountId();
        Account funding = new Ledger(dataSource).systemAccount(SystemAccount.TOP_UP_FUNDING, CURRENCY);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into ledger.account (code, kind, owner_id, currency, cap_minor)"
                    + " select 'wallet:bench-' || i, 'WALLET', 'bench-' || i, '" + CURRENCY + "', "
                    + WALLET_FUNDS_MINOR * 10 + " from generate_series(1, " + WALLETS + ") i");
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
            walletAccountIds = ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    /** Journal.post's statements on a dedicated connection, without the ledger's Java around them. */
    private static final class RawPoster implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement lock;
        private final PreparedStatement find;
        private final PreparedStatement insert;

        RawPoster(Connection connection) throws SQLException {
            this.connection = connection;
            connection.setAutoCommit(false);
            lock = connection.prepareStatement(LOCK_ACCOUNTS);
            find = connection.prepareStatement(FIND_TRANSFER);
            insert = connection.prepareStatement(INSERT_TRANSFER);
        }

        void post(TransferRequest request) throws SQLException {
            lock.setLong(1, request.debitAccountId());
            lock.setLong(2, request.creditAccountId());
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                }
            }
            find.setString(1, request.idempotencyKey());
            try (ResultSet rows = find.executeQuery()) {
                rows.next();
            }
            insert.setString(1, request.idempotencyKey());
            insert.setString(2, request.kind().name());
            insert.setLong(3, request.debitAccountId());
            insert.setLong(4, request.creditAccountId());
            insert.setLong(5, request.amountMinor());
            insert.setString(6, request.currency());
            insert.setNull(7, Types.BIGINT);
            try (ResultSet rows = insert.executeQuery()) {
                rows.next();
            }
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
