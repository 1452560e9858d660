package dev.paygate.ledger;

import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.ledger.party.Merchant;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.Refunds;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.sweep.DailySweep;
import dev.paygate.ledger.sweep.SettlementDebtor;
import dev.paygate.ledger.sweep.SweepResult;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payments into a till append till credits; folds move them into the till's balance. Whatever runs when, a
 * till's balance counts every credit exactly once.
 */
class TillCreditsTest {

    private static final int THREADS = 32;
    private static final long AWAIT_SECONDS_MAX = 120;

    /** Folds and sweeps take every till of the database: each test gets its own. */
    @RegisterExtension
    final LedgerDatabase database = LedgerDatabase.perTest();

    @TempDir
    Path settlementDirectory;

    private Fixtures fixtures;
    private PaymentRegister register;
    private Accounts accounts;
    private TillCredits tillCredits;
    private Merchant merchant;

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(database.dataSource());
        register = new PaymentRegister(database.dataSource());
        accounts = new Accounts(database.dataSource());
        tillCredits = new TillCredits(database.dataSource());
        merchant = fixtures.merchant("hot-shop");
    }

    @AfterEach
    void ledgerStaysBalanced() {
        assertThat(new LedgerInvariants(database.dataSource()).check().violations()).isEmpty();
    }

    @Test
    void aPaymentAppendsATillCreditAndLeavesTheTillRowAlone() throws SQLException {
        fixtures.fundedCustomer("alice", 1_000);

        pay("alice", 250);

        assertThat(tillRowBalanceMinor()).isZero();
        assertThat(unfoldedCredits()).isEqualTo(1);
        assertThat(accounts.till("hot-shop").orElseThrow().balanceMinor()).isEqualTo(250);
        assertThat(accounts.tills()).filteredOn(till -> till.ownerId().equals("hot-shop"))
                .extracting(Account::balanceMinor).containsExactly(250L);
    }

    @Test
    void aFoldMovesCreditsIntoTheTillBalanceOnce() throws SQLException {
        fixtures.fundedCustomer("alice", 1_000);
        pay("alice", 250);
        pay("alice", 100);

        assertThat(tillCredits.foldPending(TillCredits.CREDITS_PER_FOLD_MAX)).isEqualTo(2);
        assertThat(tillCredits.foldPending(TillCredits.CREDITS_PER_FOLD_MAX)).isZero();

        assertThat(tillRowBalanceMinor()).isEqualTo(350);
        assertThat(unfoldedCredits()).isZero();
        assertThat(accounts.till("hot-shop").orElseThrow().balanceMinor()).isEqualTo(350);
    }

    @Test
    void aBacklogIsFoldedInBatchesOfTheGivenSize() throws SQLException {
        fixtures.fundedCustomer("alice", 1_000);
        for (int payment = 0; payment < 7; payment++) {
            pay("alice", 10);
        }

        assertThat(tillCredits.foldPending(3)).isEqualTo(7);

        assertThat(tillRowBalanceMinor()).isEqualTo(70);
        assertThat(unfoldedCredits()).isZero();
    }

    @Test
    void aCrashBetweenCreditAndFoldLosesNothing() throws Exception {
        fixtures.fundedCustomer("alice", 1_000);
        pay("alice", 400);
        // A folder dies with its fold half done: credits marked, then its session killed before the commit.
        try (Connection folder = database.dataSource().getConnection()) {
            folder.setAutoCommit(false);
            try (Statement fold = folder.createStatement()) {
                assertThat(fold.executeUpdate("update ledger.till_credit set folded_at = now() where folded_at is null"))
                        .isEqualTo(1);
            }
            database.execute("select pg_terminate_backend(" + backendPid(folder) + ")");
            assertThatThrownBy(folder::commit).isInstanceOf(SQLException.class);
        }

        assertThat(unfoldedCredits()).isEqualTo(1);
        assertThat(accounts.till("hot-shop").orElseThrow().balanceMinor()).isEqualTo(400);
        assertThat(new LedgerInvariants(database.dataSource()).check().violations()).isEmpty();

        assertThat(tillCredits.foldPending(TillCredits.CREDITS_PER_FOLD_MAX)).isEqualTo(1);
        assertThat(tillRowBalanceMinor()).isEqualTo(400);
        assertThat(accounts.till("hot-shop").orElseThrow().balanceMinor()).isEqualTo(400);
    }

    @Test
    void foldsRunningWhilePaymentsArriveCountEveryCreditOnce() throws Exception {
        int payers = THREADS - 4;
        int paymentsPerPayer = 15;
        for (int payer = 0; payer < payers; payer++) {
            fixtures.fundedCustomer("payer-" + payer, 1_000);
        }
        AtomicBoolean paying = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> payments = new ArrayList<>();
            for (int payer = 0; payer < payers; payer++) {
                String customerId = "payer-" + payer;
                payments.add(pool.submit(() -> {
                    start.await();
                    for (int payment = 0; payment < paymentsPerPayer; payment++) {
                        assertThat(register.settleWalletPayment(order("hot-shop", customerId, 10)).approved()).isTrue();
                    }
                    return null;
                }));
            }
            List<Future<Long>> folders = new ArrayList<>();
            for (int folder = 0; folder < THREADS - payers; folder++) {
                folders.add(pool.submit(() -> {
                    start.await();
                    long folded = 0;
                    while (paying.get()) {
                        folded += tillCredits.foldPending(5);
                    }
                    return folded;
                }));
            }
            start.countDown();
            for (Future<?> payment : payments) {
                payment.get(AWAIT_SECONDS_MAX, TimeUnit.SECONDS);
            }
            paying.set(false);
            long foldedMeanwhile = 0;
            for (Future<Long> folder : folders) {
                foldedMeanwhile += folder.get(AWAIT_SECONDS_MAX, TimeUnit.SECONDS);
            }
            long foldedAfter = tillCredits.foldPending(TillCredits.CREDITS_PER_FOLD_MAX);

            long paidMinor = payers * paymentsPerPayer * 10L;
            assertThat(foldedMeanwhile + foldedAfter).isEqualTo(payers * paymentsPerPayer);
            assertThat(tillRowBalanceMinor()).isEqualTo(paidMinor);
            assertThat(accounts.till("hot-shop").orElseThrow().balanceMinor()).isEqualTo(paidMinor);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(AWAIT_SECONDS_MAX, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void twoFoldsOfTheSameCreditsAddThemOnce() throws Exception {
        fixtures.fundedCustomer("alice", 1_000);
        pay("alice", 300);
        // Two folders that skip the fold lock, as a bypass would: the second waits for the first, then finds
        // the credit folded and adds nothing.
        String fold = "update ledger.till_credit set folded_at = now() where folded_at is null";
        try (Connection first = database.dataSource().getConnection();
                Statement firstFold = first.createStatement();
                Connection second = database.dataSource().getConnection();
                Statement secondFold = second.createStatement()) {
            first.setAutoCommit(false);
            assertThat(firstFold.executeUpdate(fold)).isEqualTo(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> secondFolded = pool.submit(() -> secondFold.executeUpdate(fold));
                awaitOneBackendWaitingForALock();
                first.commit();
                assertThat(secondFolded.get(AWAIT_SECONDS_MAX, TimeUnit.SECONDS)).isZero();
            } finally {
                pool.shutdownNow();
            }
        }

        assertThat(tillRowBalanceMinor()).isEqualTo(300);
        assertThat(accounts.till("hot-shop").orElseThrow().balanceMinor()).isEqualTo(300);
    }

    @Test
    void aFoldDoesNotWaitForARunningOneAndLeavesItTheCredits() throws Exception {
        fixtures.fundedCustomer("alice", 1_000);
        pay("alice", 300);
        try (Connection running = database.dataSource().getConnection()) {
            running.setAutoCommit(false);
            try (PreparedStatement lock = running.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, TillCredits.FOLD_LOCK_KEY);
                lock.execute();
            }

            assertThat(tillCredits.foldPending(TillCredits.CREDITS_PER_FOLD_MAX)).isZero();
            running.rollback();
        }

        assertThat(unfoldedCredits()).isEqualTo(1);
        assertThat(tillCredits.foldPending(TillCredits.CREDITS_PER_FOLD_MAX)).isEqualTo(1);
    }

    @Test
    void theSweepFoldsFirstAndPaysOutUnfoldedCredits() throws Exception {
        fixtures.fundedCustomer("alice", 5_000);
        pay("alice", 1_200);
        tillCredits.foldPending(TillCredits.CREDITS_PER_FOLD_MAX);
        pay("alice", 300);
        pay("alice", 500);
        assertThat(unfoldedCredits()).isEqualTo(2);

        SweepResult swept = new DailySweep(database.dataSource(), new SettlementDebtor("Paygate Operations GmbH",
                Fixtures.OPERATOR_BANK)).run(LocalDate.parse("2026-11-24"), settlementDirectory);

        assertThat(swept.payments()).singleElement().satisfies(payment ->
                assertThat(payment.amountMinor()).isEqualTo(2_000));
        assertThat(unfoldedCredits()).isZero();
        assertThat(tillRowBalanceMinor()).isZero();
        assertThat(accounts.till("hot-shop").orElseThrow().balanceMinor()).isZero();
    }

    @Test
    void aRefundFromATillWithUnfoldedCreditsLeavesTheRestInIt() throws SQLException {
        fixtures.fundedCustomer("alice", 1_000);
        RegisterEntry payment = pay("alice", 600);
        pay("alice", 100);

        assertThat(new Refunds(database.dataSource()).refund(payment.ticketId(), 250, "refund-1").approved()).isTrue();

        assertThat(accounts.till("hot-shop").orElseThrow().balanceMinor()).isEqualTo(450);
        assertThat(accounts.wallet("alice").orElseThrow().balanceMinor()).isEqualTo(550);
        tillCredits.foldPending(TillCredits.CREDITS_PER_FOLD_MAX);
        assertThat(tillRowBalanceMinor()).isEqualTo(450);
    }

    private RegisterEntry pay(String customerId, long amountMinor) {
        RegisterEntry entry = register.settleWalletPayment(order("hot-shop", customerId, amountMinor)).entry();
        assertThat(entry.approved()).isTrue();
        return entry;
    }

    /** The till row's own balance_minor: what folds have added, without the credits still unfolded. */
    private long tillRowBalanceMinor() throws SQLException {
        return single("select balance_minor from ledger.account where account_id = " + merchant.tillAccountId());
    }

    private long unfoldedCredits() throws SQLException {
        return single("select count(*) from ledger.till_credit where folded_at is null and till_account_id = "
                + merchant.tillAccountId());
    }

    private long single(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void awaitOneBackendWaitingForALock() throws Exception {
        long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS_MAX);
        while (single("select count(*) from pg_locks where not granted") == 0) {
            assertThat(System.nanoTime()).as("a fold waiting for the other's lock").isLessThan(deadlineNanos);
            Thread.sleep(20);
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return row.getInt(1);
        }
    }
}
