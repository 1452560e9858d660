package dev.paygate.ledger.register;

import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.invariant.LedgerInvariants;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConcurrentPaymentsTest {

    private static final int THREADS = 32;
    private static final long AWAIT_SECONDS_MAX = 120;

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private PaymentRegister register;
    private Accounts accounts;
    private Fixtures fixtures;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        register = new PaymentRegister(database.dataSource());
        accounts = new Accounts(database.dataSource());
        fixtures = new Fixtures(database.dataSource());
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(AWAIT_SECONDS_MAX, TimeUnit.SECONDS)).isTrue();
        assertThat(new LedgerInvariants(database.dataSource()).check().violations()).isEmpty();
    }

    @Test
    void thirtyTwoThreadsPayingFromOneWalletIntoOneTillLoseNoUpdate() throws Exception {
        fixtures.fundedCustomer("hot-wallet", 5_000);
        fixtures.merchant("hot-till");
        int paymentsPerThread = 25;
        long amountMinor = 7;

        List<WalletSettlement> settlements = runConcurrently(THREADS, thread -> {
            List<WalletSettlement> mine = new ArrayList<>();
            for (int payment = 0; payment < paymentsPerThread; payment++) {
                mine.add(register.settleWalletPayment(order("hot-till", "hot-wallet", amountMinor)));
            }
            return mine;
        });

        // 800 payments of 7 ask for 5,600 from 5,000: exactly 714 fit, leaving 2.
        long approved = settlements.stream().filter(WalletSettlement::approved).count();
        assertThat(settlements).hasSize(THREADS * paymentsPerThread);
        assertThat(approved).isEqualTo(714);
        assertThat(settlements).filteredOn(settlement -> !settlement.approved())
                .allSatisfy(settlement -> assertThat(settlement.entry().reason())
                        .isEqualTo(RefusalReason.INSUFFICIENT_FUNDS.code()));
        assertThat(accounts.wallet("hot-wallet").orElseThrow().balanceMinor()).isEqualTo(2);
        assertThat(accounts.till("hot-till").orElseThrow().balanceMinor()).isEqualTo(714 * amountMinor);
        assertThat(settlements).extracting(settlement -> settlement.entry().serial()).doesNotHaveDuplicates();
    }

    @Test
    void thirtyTwoWalletsPayingIntoOneTillAtOnceAreAllCounted() throws Exception {
        fixtures.merchant("busy-till");
        for (int wallet = 0; wallet < THREADS; wallet++) {
            fixtures.fundedCustomer("payer-" + wallet, 1_000);
        }

        List<WalletSettlement> settlements = runConcurrently(THREADS, thread -> {
            List<WalletSettlement> mine = new ArrayList<>();
            for (int payment = 0; payment < 10; payment++) {
                mine.add(register.settleWalletPayment(order("busy-till", "payer-" + thread, 100)));
            }
            return mine;
        });

        assertThat(settlements).allMatch(WalletSettlement::approved);
        assertThat(accounts.till("busy-till").orElseThrow().balanceMinor()).isEqualTo(THREADS * 10 * 100L);
        for (int wallet = 0; wallet < THREADS; wallet++) {
            assertThat(accounts.wallet("payer-" + wallet).orElseThrow().balanceMinor()).isZero();
        }
    }

    @Test
    void concurrentDeliveriesOfOneTicketSettleItOnce() throws Exception {
        fixtures.fundedCustomer("twice-wallet", 1_000);
        fixtures.merchant("twice-till");
        RegisterOrder order = order("twice-till", "twice-wallet", 600);

        List<WalletSettlement> settlements = runConcurrently(16, thread ->
                List.of(register.settleWalletPayment(order)));

        assertThat(settlements).filteredOn(settlement -> !settlement.replayed()).hasSize(1);
        assertThat(settlements).extracting(WalletSettlement::entry).containsOnly(settlements.getFirst().entry());
        assertThat(accounts.wallet("twice-wallet").orElseThrow().balanceMinor()).isEqualTo(400);
    }

    @Test
    void concurrentRefundsNeverReturnMoreThanWasPaid() throws Exception {
        fixtures.fundedCustomer("refund-wallet", 1_000);
        fixtures.merchant("refund-till");
        RegisterEntry payment = register.settleWalletPayment(order("refund-till", "refund-wallet", 100)).entry();
        Refunds refunds = new Refunds(database.dataSource());

        List<RefundOutcome> outcomes = runConcurrently(16, thread ->
                List.of(refunds.refund(payment.ticketId(), 30, "refund-" + thread)));

        assertThat(outcomes).filteredOn(RefundOutcome::approved).hasSize(3);
        assertThat(outcomes).filteredOn(outcome -> !outcome.approved())
                .extracting(RefundOutcome::reason).containsOnly(RefusalReason.EXCEEDS_PAID_AMOUNT);
        assertThat(register.findByTicket(payment.ticketId()).orElseThrow().refundedMinor()).isEqualTo(90);
        assertThat(accounts.wallet("refund-wallet").orElseThrow().balanceMinor()).isEqualTo(990);
    }

    @Test
    void paymentsAndRefundsInOppositeDirectionsAtOnceAllSucceed() throws Exception {
        fixtures.fundedCustomer("both-ways", 10_000);
        fixtures.merchant("both-ways-till");
        Refunds refunds = new Refunds(database.dataSource());
        List<RegisterEntry> paid = new ArrayList<>();
        for (int payment = 0; payment < THREADS / 2; payment++) {
            paid.add(register.settleWalletPayment(order("both-ways-till", "both-ways", 50)).entry());
        }

        List<Boolean> approvals = runConcurrently(THREADS, thread -> {
            if (thread % 2 == 0) {
                return List.of(register.settleWalletPayment(order("both-ways-till", "both-ways", 50)).approved());
            }
            return List.of(refunds.refund(paid.get(thread / 2).ticketId(), 50, "back-" + thread).approved());
        });

        assertThat(approvals).containsOnly(true);
        assertThat(accounts.wallet("both-ways").orElseThrow().balanceMinor()).isEqualTo(10_000 - 16 * 50);
    }

    @FunctionalInterface
    private interface ThreadWork<T> {
        List<T> run(int thread) throws Exception;
    }

    /** Starts {@code threads} workers at the same instant and gathers what they return. */
    private <T> List<T> runConcurrently(int threads, ThreadWork<T> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<T>>> futures = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int index = thread;
            Callable<List<T>> task = () -> {
                start.await();
                return work.run(index);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<List<T>> future : futures) {
            results.addAll(future.get(AWAIT_SECONDS_MAX, TimeUnit.SECONDS));
        }
        return results;
    }
}
