package dev.paygate.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.ledger.sequence.DatabaseStanSequence;
import dev.paygate.ledger.sweep.SweepHistory;
import dev.paygate.ledger.sweep.SweepResult;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.routes.order.Decisions;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.routes.card.Acceptor;
import dev.paygate.routes.card.CardOperation;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.errors.GatewayErrors;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.HandoverProperties;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.reversal.ReversalQueue;
import dev.paygate.routes.support.BackUnitTestRuntime;
import dev.paygate.routes.sweep.DailySweepJob;
import dev.paygate.routes.support.RoutesTestApplication;
import jakarta.jms.Message;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The payment pipeline end to end on real parts: the front's JMS hand-over over embedded Artemis, the back
 * unit's routes, the ledger on real PostgreSQL, and the bank simulator over TCP through jPOS.
 */
@CamelSpringBootTest
@ActiveProfiles("it")
// Closed after the class: Q2 and the embedded broker are per JVM, and other tests start their own.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = RoutesTestApplication.class)
class PaymentPipelineIntegrationTest {

    private static final String MERCHANT = "it-shop";
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    @DynamicPropertySource
    static void realParts(DynamicPropertyRegistry registry) {
        BackUnitTestRuntime.register(registry, "pipeline_it");
    }

    @Autowired PaymentHandover handover;
    @Autowired PaymentRegister register;
    @Autowired CustomerRecords customers;
    @Autowired MerchantRecords merchants;
    @Autowired CardVault vault;
    @Autowired WalletTopUps topUps;
    @Autowired Accounts accounts;
    @Autowired ReversalQueue reversals;
    @Autowired CardNetworks networks;
    @Autowired JmsTemplate jms;
    @Autowired HandoverProperties handoverProperties;
    @Autowired DailySweepJob sweepJob;
    @Autowired DatabaseStanSequence stans;
    @Autowired SweepHistory sweepHistory;
    @Autowired CamelContext camel;

    @BeforeEach
    void merchantAndNetworksReady() {
        if (merchants.find(MERCHANT).isEmpty()) {
            merchants.create(new NewMerchant(MERCHANT, "IT Shop", "5814",
                    new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "ITSHOP01", "ITSHOP000000001",
                    "IT Shop                  Berlin       DE", "EUR"));
        }
        await().atMost(Duration.ofSeconds(20)).until(
                () -> networks.isConnected("cardnet-a") && networks.isConnected("cardnet-b"));
    }

    @Test
    void readmeListsEveryRouteId() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> routeIds = camel.getRoutes().stream().map(Route::getRouteId)
                .map(id -> id.replaceFirst("^network\\.[^.]+\\.", "network.<name>."))
                .toList();
        assertThat(routeIds).contains("front.payment.hand-over", "back.payment.receive", "network.<name>.echo");
        assertThat(routeIds).allSatisfy(id -> assertThat(readme).contains("`" + id + "`"));
    }

    @Test
    void walletPaymentMovesTheAmountFromWalletToTill() {
        String customer = customerWithCard("4000000000000002", 5_000);
        long tillBeforeMinor = tillMinor();

        Decision decision = handover.handOver(order(customer, 1_250));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.APPROVED);
        assertThat(decision.path()).isEqualTo(SettlementPath.WALLET);
        assertThat(decision.registerSerial()).isPositive();
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(3_750);
        assertThat(tillMinor() - tillBeforeMinor).isEqualTo(1_250);
    }

    @Test
    void walletPaymentOverTheBalanceIsRefusedWithAReason() {
        String customer = customerWithCard("4000000000000002", 500);

        Decision decision = handover.handOver(order(customer, 2_000));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decision.reason()).isEqualTo("insufficient_funds");
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(500);
        assertThat(register.findByTicket(decision.ticketId()).orElseThrow().status()).isEqualTo(RegisterStatus.REFUSED);
    }

    @Test
    void zeroAmountAuthenticatesOnly() {
        Decision decision = handover.handOver(order(customerWithCard("4000000000000002", 0), 0));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.APPROVED);
        assertThat(decision.path()).isEqualTo(SettlementPath.AUTH_ONLY);
    }

    /** The bank simulator's test cards (bank-simulator/README.md), each through the whole pipeline. */
    @ParameterizedTest(name = "card {0} -> {2} {3}")
    @CsvSource({
            "4000000000000002, 2049-12, APPROVED, ",
            "4000000000000010, 2049-12, REFUSED, card_declined",
            "4000000000000028, 2049-12, REFUSED, insufficient_funds",
            "4000000000000036, 2049-12, REFUSED, card_expired",
            "4000000000000044, 2049-12, REFUSED, card_restricted",
            "4000000000000051, 2049-12, REFUSED, not_permitted",
            "4000000000000069, 2049-12, REFUSED, over_limit",
            "4000000000000077, 2049-12, APPROVED, ",
            "4000000000000093, 2049-12, REFUSED, issuer_unavailable",
            "4000000000000101, 2049-12, REFUSED, issuer_unavailable",
            "4000000000000119, 2049-12, REFUSED, issuer_unavailable",
            "4000000000000127, 2049-12, REFUSED, system_error",
            "5100000000000008, 2049-12, APPROVED, ",
            "5100000000000032, 2049-12, REFUSED, card_declined",
    })
    void cardPaymentIsDecidedByTheIssuer(String pan, YearMonth expiry, Decision.Outcome outcome, String reason) {
        String customer = customerWithCard(pan, expiry, 0);
        long tillBeforeMinor = tillMinor();

        Decision decision = handover.handOver(order(customer, 6_000));

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.path()).isEqualTo(SettlementPath.CARD);
        assertThat(decision.reason()).isEqualTo(reason);
        if (outcome == Decision.Outcome.APPROVED) {
            assertThat(reversals.statusOf(decision.ticketId())).as("the answer cancelled the held reversal")
                    .containsExactly("CANCELLED");
            assertThat(decision.authCode()).isNotBlank();
            assertThat(decision.rrn()).hasSize(12);
            assertThat(tillMinor() - tillBeforeMinor).isEqualTo(6_000);
        } else {
            assertThat(tillMinor()).isEqualTo(tillBeforeMinor);
        }
    }

    @Test
    void binRoutingSendsEachCardToItsNetwork() {
        Decision visa = handover.handOver(order(customerWithCard("4000000000000002", 0), 7_000));
        Decision other = handover.handOver(order(customerWithCard("5100000000000008", 0), 7_000));

        assertThat(register.findByTicket(visa.ticketId()).orElseThrow().network()).isEqualTo("cardnet-a");
        assertThat(register.findByTicket(other.ticketId()).orElseThrow().network()).isEqualTo("cardnet-b");
    }

    @Test
    void cardTimeoutIsReversedExactlyOnceAndTheReversalIsAcknowledged() {
        String customer = customerWithCard("4000000000000085", 0);
        long tillBeforeMinor = tillMinor();

        Decision decision = handover.handOver(order(customer, 8_000));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decision.reason()).isEqualTo("issuer_unavailable");
        RegisterEntry entry = register.findByTicket(decision.ticketId()).orElseThrow();
        assertThat(entry.status()).isEqualTo(RegisterStatus.REVERSED);
        assertThat(tillMinor()).isEqualTo(tillBeforeMinor);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> reversals.statusOf(decision.ticketId()), statuses -> statuses.equals(List.of("ACKNOWLEDGED")));
    }

    @Test
    void aReversalHeldByABackUnitThatDiedIsSentWhenItFallsDue() {
        String customer = customerWithCard("4000000000000002", 0);
        PaymentOrder order = order(customer, 9_500);
        register.openCardPayment(order.registerOrder(), "cardnet-a");
        Instant sentAt = Instant.now();
        CardRequest request = CardOperation.purchase(customer, 9_500, "EUR").toRequest(false, "4000000000000002",
                YearMonth.of(2049, 12), Stan.of(stans.next("cardnet-a", LocalDate.now(ZoneOffset.UTC))), sentAt,
                "12345678901", Acceptor.of(merchants.find(MERCHANT).orElseThrow()));

        // What the card step writes before sending; then the process "dies" and nobody releases or activates it.
        reversals.hold(order.ticketId(), "cardnet-a", customer, vault.cardOnFile(customer).orElseThrow().token(), request,
                Stan.of(stans.next("cardnet-a", LocalDate.now(ZoneOffset.UTC))), sentAt, 300);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> reversals.statusOf(order.ticketId()), statuses -> statuses.equals(List.of("ACKNOWLEDGED")));
        // The forwarder closes the register entry in its own transaction, just after the acknowledgement.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(register.findByTicket(order.ticketId()).orElseThrow().status()).isEqualTo(RegisterStatus.REVERSED));
    }

    @Test
    void theSameOrderDeliveredTwiceSettlesOnceAndBothAnswersAgree() {
        String customer = customerWithCard("4000000000000002", 5_000);
        PaymentOrder order = order(customer, 1_000);

        CompletableFuture<Decision> first = CompletableFuture.supplyAsync(() -> handover.handOver(order));
        CompletableFuture<Decision> second = CompletableFuture.supplyAsync(() -> handover.handOver(order));
        Decision one = first.join();
        Decision other = second.join();
        Decision third = handover.handOver(order);

        assertThat(List.of(one, other, third)).extracting(Decision::outcome).containsOnly(Decision.Outcome.APPROVED);
        assertThat(List.of(one, other, third)).extracting(Decision::registerSerial).containsOnly(one.registerSerial());
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(4_000);
    }

    @Test
    void dailySweepEmptiesTheTillIntoASettlementFileOnce() {
        handover.handOver(order(customerWithCard("4000000000000002", 5_000), 2_000));
        assertThat(tillMinor()).isPositive();
        LocalDate day = LocalDate.now(ZoneOffset.UTC);

        SweepResult first = sweepJob.sweep(day);
        SweepResult second = sweepJob.sweep(day);

        assertThat(tillMinor()).isZero();
        assertThat(first.settlementFile()).hasValueSatisfying(file -> assertThat(file).isRegularFile());
        assertThat(first.payments()).anySatisfy(payment -> assertThat(payment.merchantId()).isEqualTo(MERCHANT));
        assertThat(second.completedEarlier()).isTrue();
        assertThat(second.payments()).isEqualTo(first.payments());
        assertThat(sweepHistory.forMerchant(MERCHANT, 10)).singleElement().satisfies(sweep -> {
            assertThat(sweep.businessDay()).isEqualTo(day);
            assertThat(sweep.amountMinor()).isPositive();
        });
    }

    @Test
    void lookupReturnsTheRecordedDecision() {
        Decision decision = handover.handOver(order(customerWithCard("4000000000000002", 5_000), 300));

        assertThat(handover.lookup(decision.ticketId())).contains(decision);
        assertThat(handover.lookup("never-seen-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void poisonMessageLandsInTheDeadLetterQueueWithItsReason() throws Exception {
        jms.setReceiveTimeout(10_000);
        jms.convertAndSend(handoverProperties.paymentQueue(), "{\"this is\": \"not an order\"");

        Message dead = jms.receive(handoverProperties.deadLetterQueue());

        assertThat(dead).isNotNull();
        assertThat(dead.getStringProperty(GatewayErrors.FAILURE_REASON)).contains("not a valid PaymentOrder");
    }

    private String customerWithCard(String pan, long walletMinor) {
        return customerWithCard(pan, YearMonth.of(2049, 12), walletMinor);
    }

    private String customerWithCard(String pan, YearMonth expiry, long walletMinor) {
        String customer = "it-c" + CUSTOMERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        customers.create(new NewCustomer(customer, "IT Customer", "EUR", 100_000));
        vault.enroll(customer, pan.toCharArray(), expiry);
        if (walletMinor > 0) {
            topUps.topUpWallet(customer, walletMinor, "EUR", "it-opening-" + customer, "IT0001", null);
        }
        return customer;
    }

    private long tillMinor() {
        return accounts.till(MERCHANT).orElseThrow().balanceMinor();
    }

    private static PaymentOrder order(String customer, long amountMinor) {
        return new PaymentOrder("tkt-" + UUID.randomUUID(), MERCHANT, customer, "order-" + UUID.randomUUID(),
                amountMinor, amountMinor / 6, "EUR", "R-1", List.of(), Instant.now(), Instant.now().plusSeconds(600));
    }
}
