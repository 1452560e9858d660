package dev.paygate.routes.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.TransferKind;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.register.Posting;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.reversal.ReversalRecord;
import dev.paygate.routes.support.BackUnitTestRuntime;
import dev.paygate.routes.support.RoutesTestApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The back-office channel on real parts: the front's {@link AccountDesk} over embedded Artemis, the back
 * unit's account routes, the ledger on real PostgreSQL and the bank simulator over TCP for top-ups.
 */
@CamelSpringBootTest
@ActiveProfiles("it")
// Closed after the class: Q2 and the embedded broker are per JVM, and other tests start their own.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = RoutesTestApplication.class)
class BackOfficeChannelIntegrationTest {

    private static final String SHOP = "acct-shop";
    private static final String OTHER_SHOP = "acct-other-shop";
    private static final String APPROVING_CARD = "4000000000000002";
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    @DynamicPropertySource
    static void realParts(DynamicPropertyRegistry registry) {
        BackUnitTestRuntime.register(registry, "account_it");
    }

    @Autowired AccountDesk desk;
    @Autowired PaymentHandover handover;
    @Autowired CustomerRecords customers;
    @Autowired MerchantRecords merchants;
    @Autowired CardVault vault;
    @Autowired WalletTopUps topUps;
    @Autowired Accounts accounts;
    @Autowired CardNetworks networks;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void merchantsAndNetworksReady() {
        merchant(SHOP, "ACCT0001");
        merchant(OTHER_SHOP, "ACCT0002");
        await().atMost(Duration.ofSeconds(20)).until(
                () -> networks.isConnected("cardnet-a") && networks.isConnected("cardnet-b"));
    }

    @Test
    void customerOverviewShowsBalanceCapAndOnlyTheirOwnEntries() {
        String alice = customerWithCard(APPROVING_CARD, 5_000);
        String bob = customerWithCard(APPROVING_CARD, 5_000);
        Decision first = pay(alice, SHOP, 1_000);
        Decision second = pay(alice, OTHER_SHOP, 500);
        pay(bob, SHOP, 700);

        AccountAnswer.CustomerOverview overview = desk.customerOverview(alice, 10);

        assertThat(overview.balanceMinor()).isEqualTo(3_500);
        assertThat(overview.capMinor()).isEqualTo(100_000);
        assertThat(overview.currency()).isEqualTo("EUR");
        assertThat(overview.entries()).extracting(HistoryEntry::ticketId)
                .containsExactly(second.ticketId(), first.ticketId());
        assertThat(overview.entries()).extracting(HistoryEntry::customerId).containsOnly(alice);
        assertThat(overview.entries().getFirst().path()).isEqualTo("wallet");
        assertThat(overview.entries().getFirst().merchantId()).isEqualTo(OTHER_SHOP);
    }

    @Test
    void unknownCustomerIsAReasonedRefusal() {
        assertThatThrownBy(() -> desk.customerOverview("nobody-" + UUID.randomUUID(), 10))
                .isInstanceOfSatisfying(AccountDeskException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo("unknown_customer"));
    }

    @Test
    void customerOverviewListsTopUpsAndNamesTheCardByItsLastFourDigitsOnly() {
        String customer = customerWithCard(APPROVING_CARD, 1_000);
        desk.topUpWallet(customer, 2_500, "listed-" + customer);

        AccountAnswer.CustomerOverview overview = desk.customerOverview(customer, 10);

        assertThat(overview.cardLastFour()).isEqualTo("0002");
        assertThat(overview.topUps()).extracting(WalletTopUps.TopUp::amountMinor).containsExactly(2_500L, 1_000L);
        assertThat(overview.topUps().getFirst().rrn()).hasSize(12);
        assertThat(new AccountCodec().encodeAnswer(overview)).doesNotContain(APPROVING_CARD, "400000");
    }

    @Test
    void paymentMethodIsTheWalletUpToTheThresholdAndTheCardOnFileAbove() {
        String customer = customerWithCard(APPROVING_CARD, 0);

        assertThat(desk.paymentMethod(customer, 3_000, "EUR")).isEqualTo(new AccountAnswer.PaymentMethod("wallet", null));
        assertThat(desk.paymentMethod(customer, 3_001, "EUR")).isEqualTo(new AccountAnswer.PaymentMethod("card", "0002"));
        assertThat(desk.paymentMethod(customer, 0, "EUR").path()).isEqualTo("auth-only");
        assertThatThrownBy(() -> desk.paymentMethod("nobody-" + customer, 9_000, "EUR"))
                .isInstanceOfSatisfying(AccountDeskException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo("unknown_customer"));
    }

    @Test
    void operatorFindsACardPaymentByItsNetworkReferencesAndReadsItsTrail() {
        Decision payment = pay(customerWithCard(APPROVING_CARD, 0), SHOP, 4_200);
        assertThat(payment.outcome()).isEqualTo(Decision.Outcome.APPROVED);

        for (String reference : List.of(payment.ticketId(), payment.rrn(), payment.authCode())) {
            assertThat(desk.searchPayments(reference, null, 10).entries()).as(reference)
                    .extracting(HistoryEntry::ticketId).containsExactly(payment.ticketId());
        }
        assertThat(desk.searchPayments(payment.ticketId(), "REFUSED", 10).entries()).isEmpty();
        assertThat(desk.searchPayments("", "APPROVED", 5).entries()).extracting(HistoryEntry::ticketId)
                .contains(payment.ticketId());
        AccountAnswer.PaymentTrail trail = desk.paymentTrail(payment.ticketId());

        assertThat(trail.entry().network()).isEqualTo("cardnet-a");
        assertThat(trail.entry().stan()).matches("[0-9]{6}");
        assertThat(desk.searchPayments(trail.entry().stan(), null, 10).entries()).extracting(HistoryEntry::ticketId)
                .contains(payment.ticketId());
        assertThat(trail.postings()).extracting(Posting::kind, Posting::creditAccount, Posting::amountMinor)
                .containsExactly(tuple(TransferKind.CARD_PAYMENT, "till:" + SHOP, 4_200L));
        assertThat(trail.reversals()).extracting(ReversalRecord::status).containsExactly("CANCELLED");
    }

    @Test
    void trailOfAnUnansweredCardPaymentShowsItsReversalAcknowledgedAndTheSafQueueEmptiesOfIt() {
        Decision payment = pay(customerWithCard("4000000000000085", 0), SHOP, 5_000);

        await().atMost(Duration.ofSeconds(30)).until(() -> desk.paymentTrail(payment.ticketId()).reversals(),
                reversals -> reversals.size() == 1 && reversals.getFirst().status().equals("ACKNOWLEDGED"));
        AccountAnswer.PaymentTrail trail = desk.paymentTrail(payment.ticketId());

        assertThat(trail.entry().status()).isEqualTo(RegisterStatus.REVERSED);
        assertThat(trail.postings()).isEmpty();
        assertThat(trail.reversals().getFirst().originalMti()).isEqualTo("0100");
        assertThat(desk.unsettledReversals(100).reversals()).extracting(ReversalRecord::ticketId)
                .doesNotContain(payment.ticketId());
    }

    @Test
    void trailOfAnUnknownTicketIsAReasonedRefusalAndSweepRunsAreListed() {
        assertThatThrownBy(() -> desk.paymentTrail("no-such-ticket-" + UUID.randomUUID()))
                .isInstanceOfSatisfying(AccountDeskException.class,
                        refusal -> assertThat(refusal.reason()).isEqualTo("unknown_ticket"));
        assertThat(desk.sweepRuns(10).runs()).isNotNull();
    }

    @Test
    void merchantTransactionsArePagedNewestFirstAndFilteredByStatus() {
        String customer = customerWithCard(APPROVING_CARD, 1_000);
        Decision oldest = pay(customer, OTHER_SHOP, 100);
        Decision refused = pay(customer, OTHER_SHOP, 2_000);
        Decision newest = pay(customer, OTHER_SHOP, 200);

        AccountAnswer.MerchantTransactions firstPage = desk.merchantTransactions(OTHER_SHOP, 0, 2, null);
        AccountAnswer.MerchantTransactions approvedOnly = desk.merchantTransactions(OTHER_SHOP, 0, 100, "APPROVED");
        AccountAnswer.MerchantTransactions refusedOnly = desk.merchantTransactions(OTHER_SHOP, 0, 100, "REFUSED");

        assertThat(firstPage.entries()).extracting(HistoryEntry::ticketId)
                .containsExactly(newest.ticketId(), refused.ticketId());
        assertThat(firstPage.totalEntries()).isGreaterThanOrEqualTo(3);
        assertThat(approvedOnly.entries()).extracting(HistoryEntry::status).containsOnly("APPROVED");
        assertThat(approvedOnly.entries()).extracting(HistoryEntry::ticketId)
                .contains(oldest.ticketId(), newest.ticketId()).doesNotContain(refused.ticketId());
        assertThat(refusedOnly.entries()).extracting(HistoryEntry::ticketId).contains(refused.ticketId());
        assertThat(refusedOnly.entries()).extracting(HistoryEntry::merchantId).containsOnly(OTHER_SHOP);
    }

    @Test
    void merchantTillShowsItsBalance() {
        long beforeMinor = desk.merchantTill(SHOP).balanceMinor();

        pay(customerWithCard(APPROVING_CARD, 2_000), SHOP, 1_500);

        assertThat(desk.merchantTill(SHOP).balanceMinor() - beforeMinor).isEqualTo(1_500);
        assertThat(desk.merchantTill(SHOP).currency()).isEqualTo("EUR");
    }

    @Test
    void partialThenFullRefundOfAWalletPaymentReportsTheRefundedTotal() {
        String customer = customerWithCard(APPROVING_CARD, 3_000);
        Decision payment = pay(customer, SHOP, 2_000);

        AccountAnswer.Refund partial = desk.refundWalletPayment(SHOP, payment.ticketId(), 500, "r1-" + customer);
        AccountAnswer.Refund replay = desk.refundWalletPayment(SHOP, payment.ticketId(), 500, "r1-" + customer);
        AccountAnswer.Refund rest = desk.refundWalletPayment(SHOP, payment.ticketId(), 1_500, "r2-" + customer);

        assertThat(partial.approved()).isTrue();
        assertThat(partial.refundedTotalMinor()).isEqualTo(500);
        assertThat(partial.paidMinor()).isEqualTo(2_000);
        assertThat(replay.replayed()).isTrue();
        assertThat(rest.approved()).isTrue();
        assertThat(rest.refundedTotalMinor()).isEqualTo(2_000);
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(3_000);
    }

    @Test
    void refundOverThePaidAmountIsRefusedAndMovesNothing() {
        String customer = customerWithCard(APPROVING_CARD, 3_000);
        Decision payment = pay(customer, SHOP, 1_000);

        AccountAnswer.Refund refund = desk.refundWalletPayment(SHOP, payment.ticketId(), 1_001, "over-" + customer);

        assertThat(refund.approved()).isFalse();
        assertThat(refund.reason()).isEqualTo("exceeds_paid_amount");
        assertThat(refund.refundedTotalMinor()).isZero();
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(2_000);
    }

    @Test
    void aMerchantCannotRefundAnotherMerchantsPayment() {
        String customer = customerWithCard(APPROVING_CARD, 3_000);
        Decision payment = pay(customer, SHOP, 1_000);

        AccountAnswer.Refund refund = desk.refundWalletPayment(OTHER_SHOP, payment.ticketId(), 100, "x-" + customer);

        assertThat(refund.approved()).isFalse();
        assertThat(refund.reason()).isEqualTo("unknown_ticket");
        assertThat(refund.paidMinor()).isZero();
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(2_000);
    }

    @Test
    void cardPaymentIsRefundedToTheCardThroughTheNetwork() {
        String everydayCard = "4000000000000135";
        Decision payment = pay(customerWithCard(everydayCard, 0), SHOP, 6_000);
        assertThat(payment.path()).isEqualTo(SettlementPath.CARD);
        long cardAfterPaymentMinor = BackUnitTestRuntime.simulator().account(everydayCard).orElseThrow().availableMinor();
        long tillBeforeMinor = accounts.till(SHOP).orElseThrow().balanceMinor();
        String key = "card-" + payment.ticketId();

        AccountAnswer.Refund refund = desk.refundWalletPayment(SHOP, payment.ticketId(), 2_500, key);
        AccountAnswer.Refund replay = desk.refundWalletPayment(SHOP, payment.ticketId(), 2_500, key);
        AccountAnswer.Refund tooMuch = desk.refundWalletPayment(SHOP, payment.ticketId(), 3_501, "more-" + key);

        assertThat(refund.approved()).as(refund.reason()).isTrue();
        assertThat(refund.refundedTotalMinor()).isEqualTo(2_500);
        assertThat(replay.replayed()).isTrue();
        assertThat(tooMuch.reason()).isEqualTo("exceeds_paid_amount");
        assertThat(accounts.till(SHOP).orElseThrow().balanceMinor()).isEqualTo(tillBeforeMinor - 2_500);
        assertThat(BackUnitTestRuntime.simulator().account(everydayCard).orElseThrow().availableMinor())
                .as("the issuer credited the card once").isEqualTo(cardAfterPaymentMinor + 2_500);
        assertThat(jdbc.queryForList("select status from saf.reversal where ticket_id like ?", String.class,
                "card-refund:" + key + ":%")).containsExactly("CANCELLED");
    }

    @Test
    void topUpChargesTheCardAndCreditsTheWalletOnce() {
        String customer = customerWithCard(APPROVING_CARD, 1_000);

        AccountAnswer.TopUp topUp = desk.topUpWallet(customer, 2_500, "top-" + customer);
        AccountAnswer.TopUp replay = desk.topUpWallet(customer, 2_500, "top-" + customer);

        assertThat(topUp.approved()).isTrue();
        assertThat(topUp.authCode()).isNotBlank();
        assertThat(topUp.rrn()).hasSize(12);
        assertThat(topUp.balanceMinor()).isEqualTo(3_500);
        assertThat(replay.approved()).isTrue();
        assertThat(replay.replayed()).isTrue();
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(3_500);
        assertThat(reversalStatuses(customer)).as("the replay charged the card no second time").isEmpty();
    }

    @Test
    void topUpKeyUsedAgainWithAnotherAmountIsAConflictAndChargesNothing() {
        String customer = customerWithCard(APPROVING_CARD, 1_000);
        AccountAnswer.TopUp first = desk.topUpWallet(customer, 2_500, "form-" + customer);
        long cardAfterFirstMinor = BackUnitTestRuntime.simulator().account(APPROVING_CARD).orElseThrow().availableMinor();

        AccountAnswer.TopUp otherAmount = desk.topUpWallet(customer, 1_000, "form-" + customer);

        assertThat(first.approved()).isTrue();
        assertThat(otherAmount.approved()).isFalse();
        assertThat(otherAmount.reason()).isEqualTo("idempotency_conflict");
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(3_500);
        assertThat(BackUnitTestRuntime.simulator().account(APPROVING_CARD).orElseThrow().availableMinor())
                .as("the card was not charged again").isEqualTo(cardAfterFirstMinor);
        assertThat(reversalStatuses(customer)).isEmpty();
    }

    @Test
    void topUpAboveTheCapIsRefusedBeforeTheCardIsCharged() {
        String customer = customerWithCard(APPROVING_CARD, 99_000);

        AccountAnswer.TopUp topUp = desk.topUpWallet(customer, 1_001, "cap-" + customer);

        assertThat(topUp.approved()).isFalse();
        assertThat(topUp.reason()).isEqualTo("over_limit");
        assertThat(topUp.rrn()).isNull();
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(99_000);
    }

    @Test
    void declinedTopUpIsRefusedWithTheIssuersReason() {
        String customer = customerWithCard("4000000000000010", 0);

        AccountAnswer.TopUp topUp = desk.topUpWallet(customer, 1_000, "declined-" + customer);

        assertThat(topUp.approved()).isFalse();
        assertThat(topUp.reason()).isEqualTo("card_declined");
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isZero();
        assertThat(reversalStatuses(customer)).isEmpty();
    }

    @Test
    void unansweredTopUpIsReversedAndCreditsNothing() {
        String customer = customerWithCard("4000000000000085", 0);

        AccountAnswer.TopUp topUp = desk.topUpWallet(customer, 1_000, "timeout-" + customer);

        assertThat(topUp.approved()).isFalse();
        assertThat(topUp.reason()).isEqualTo("issuer_unavailable");
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> reversalStatuses(customer),
                statuses -> statuses.equals(List.of("ACKNOWLEDGED")));
    }

    private List<String> reversalStatuses(String customer) {
        return jdbc.queryForList("select status from saf.reversal where customer_id = ? and ticket_id like 'top-up:%'"
                + " and status <> 'CANCELLED'",
                String.class, customer);
    }

    private void merchant(String merchantId, String terminalId) {
        if (merchants.find(merchantId).isEmpty()) {
            merchants.create(new NewMerchant(merchantId, "Account Shop", "5814",
                    new BankAccount("DE89370400440532013000", "COBADEFFXXX"), terminalId, "ACCTSHOP0000001",
                    "Account Shop             Berlin       DE", "EUR"));
        }
    }

    private String customerWithCard(String pan, long walletMinor) {
        String customer = "acct-c" + CUSTOMERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        customers.create(new NewCustomer(customer, "Account Customer", "EUR", 100_000));
        vault.enroll(customer, pan.toCharArray(), YearMonth.of(2049, 12));
        if (walletMinor > 0) {
            topUps.topUpWallet(customer, walletMinor, "EUR", "acct-opening-" + customer, "IT0001", null);
        }
        return customer;
    }

    private Decision pay(String customer, String merchantId, long amountMinor) {
        return handover.handOver(new PaymentOrder("tkt-" + UUID.randomUUID(), merchantId, customer,
                "order-" + UUID.randomUUID(), amountMinor, amountMinor / 6, "EUR", "R-1", List.of(), Instant.now(), Instant.now().plusSeconds(600)));
    }
}
