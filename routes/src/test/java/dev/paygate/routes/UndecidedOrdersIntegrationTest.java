package dev.paygate.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterOrder;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.routes.order.Decisions;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.errors.GatewayErrors;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.HandoverProperties;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.support.BackUnitTestRuntime;
import dev.paygate.routes.support.RoutesTestApplication;
import jakarta.jms.Message;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The front's wait is not the order's life (issue: orders vanished from the hand-over queue when the front's
 * 20 s wait ended): on real Artemis, PostgreSQL and the simulator over TCP, with one back consumer and a front
 * that waits only one second, every order is decided all the same, and nothing in the back unit ends in silence.
 */
@CamelSpringBootTest
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = RoutesTestApplication.class, properties = {
        "paygate.handover.reply-timeout-ms=1000",
        "paygate.handover.back-consumers=1",
        "paygate.card.unsent.close-after-ms=500",
        "paygate.card.unsent.poll-interval-ms=200"})
class UndecidedOrdersIntegrationTest {

    private static final String MERCHANT = "undecided-shop";
    private static final String NEVER_ANSWERS = "4000000000000085";
    private static final String ALWAYS_APPROVES = "4000000000000002";
    private static final Duration DECIDED_WITHIN = Duration.ofSeconds(30);
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    @DynamicPropertySource
    static void realParts(DynamicPropertyRegistry registry) {
        BackUnitTestRuntime.register(registry, "undecided_it");
    }

    @Autowired PaymentHandover handover;
    @Autowired PaymentRegister register;
    @Autowired CustomerRecords customers;
    @Autowired MerchantRecords merchants;
    @Autowired CardVault vault;
    @Autowired WalletTopUps topUps;
    @Autowired Accounts accounts;
    @Autowired CardNetworks networks;
    @Autowired CamelContext camel;
    @Autowired JmsTemplate jms;
    @Autowired HandoverProperties handoverProperties;
    @Autowired OrderCodec codec;

    @BeforeEach
    void merchantAndNetworksReady() {
        if (merchants.find(MERCHANT).isEmpty()) {
            merchants.create(new NewMerchant(MERCHANT, "Undecided Shop", "5814",
                    new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "UNDECI01", "UNDECIDED000001",
                    "Undecided Shop           Berlin       DE", "EUR"));
        }
        await().atMost(Duration.ofSeconds(20)).until(
                () -> networks.isConnected("cardnet-a") && networks.isConnected("cardnet-b"));
    }

    @Test
    void orderQueuedLongerThanTheReplyWaitIsStillSettled() throws Exception {
        String customer = customerWithCard(ALWAYS_APPROVES, 5_000);
        camel.getRouteController().stopRoute("back.payment.receive");
        Decision answered;
        try {
            answered = handover.handOver(order(customer, 1_250));
            // Camel's default would have given the message a time-to-live of the 1 s wait: let it pass twice over.
            Thread.sleep(2_500);
        } finally {
            camel.getRouteController().startRoute("back.payment.receive");
        }

        assertThat(answered.outcome()).isEqualTo(Decision.Outcome.PENDING);
        await().atMost(DECIDED_WITHIN).untilAsserted(() -> assertThat(register.findByTicket(answered.ticketId()))
                .hasValueSatisfying(entry -> assertThat(entry.status()).isEqualTo(RegisterStatus.APPROVED)));
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(3_750);
    }

    @Test
    void walletPaymentBehindThreeUnansweredCardPaymentsOnOneConsumerIsSettled() {
        String silentCard = customerWithCard(NEVER_ANSWERS, 0);
        String wallet = customerWithCard(ALWAYS_APPROVES, 5_000);
        List<PaymentOrder> cards = List.of(1, 2, 3).stream().map(i -> order(silentCard, 9_000 + i)).toList();
        // Queued first, in order: the one consumer spends a network timeout on each before it reaches the wallet.
        cards.forEach(handover::resend);
        Decision walletAnswer = handover.handOver(order(wallet, 700));

        assertThat(walletAnswer.outcome()).isEqualTo(Decision.Outcome.PENDING);
        await().atMost(DECIDED_WITHIN).untilAsserted(() -> assertThat(register.findByTicket(walletAnswer.ticketId()))
                .hasValueSatisfying(entry -> assertThat(entry.status()).isEqualTo(RegisterStatus.APPROVED)));
        for (PaymentOrder card : cards) {
            String ticketId = card.ticketId();
            await().atMost(DECIDED_WITHIN).untilAsserted(() -> assertThat(register.findByTicket(ticketId))
                    .hasValueSatisfying(entry -> assertThat(entry.status()).isEqualTo(RegisterStatus.REVERSED)));
        }
    }

    @Test
    void orderReadAfterItsLifeIsRefusedAndMovesNothing() {
        String customer = customerWithCard(ALWAYS_APPROVES, 5_000);
        PaymentOrder late = order(customer, 1_000, Instant.now().minusSeconds(1));

        Decision decision = decide(late);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decision.reason()).isEqualTo("payment_expired");
        assertThat(register.findByTicket(late.ticketId()).orElseThrow().status()).isEqualTo(RegisterStatus.REFUSED);
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(5_000);
    }

    @Test
    void orderHandedOverAgainGetsTheFirstDecision() {
        PaymentOrder order = order(customerWithCard(ALWAYS_APPROVES, 5_000), 800);
        Decision first = decide(order);

        handover.resend(order);

        assertThat(first.outcome()).isEqualTo(Decision.Outcome.APPROVED);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(handover.lookup(order.ticketId())).contains(first));
        assertThat(accounts.wallet(order.customerId()).orElseThrow().balanceMinor()).isEqualTo(4_200);
    }

    @Test
    void lostOrderHandedOverAgainIsDecided() {
        PaymentOrder order = order(customerWithCard(ALWAYS_APPROVES, 5_000), 900);

        handover.resend(order);

        await().atMost(DECIDED_WITHIN).untilAsserted(() -> assertThat(handover.lookup(order.ticketId()))
                .hasValueSatisfying(decision -> assertThat(decision.outcome()).isEqualTo(Decision.Outcome.APPROVED)));
    }

    @Test
    void faultInTheBackUnitEndsAsARegisteredRefusalWithTheOrderInTheDeadLetterQueue() throws Exception {
        AdviceWith.adviceWith(camel, "back.payment.decide", route -> route.weaveAddFirst().process(exchange -> {
            if (exchange.getMessage().getBody(PaymentOrder.class).registerOrder().orderId().startsWith("boom")) {
                throw new IllegalStateException("simulated fault in the decision");
            }
        }));
        PaymentOrder order = new PaymentOrder("tkt-" + UUID.randomUUID(), MERCHANT,
                customerWithCard(ALWAYS_APPROVES, 5_000), "boom-" + UUID.randomUUID(), 600, 100, "EUR", "R-1",
                List.of(), Instant.now(), Instant.now().plusSeconds(600));

        Decision decision = decide(order);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decision.reason()).isEqualTo("system_error");
        RegisterEntry entry = register.findByTicket(order.ticketId()).orElseThrow();
        assertThat(entry.status()).isEqualTo(RegisterStatus.REFUSED);
        assertThat(entry.reason()).isEqualTo("system_error");
        assertThat(handover.lookup(order.ticketId())).hasValueSatisfying(
                recorded -> assertThat(recorded.reason()).isEqualTo("system_error"));
        assertThat(accounts.wallet(order.customerId()).orElseThrow().balanceMinor()).isEqualTo(5_000);
        assertThat(deadLetterFor(order.ticketId()).getStringProperty(GatewayErrors.FAILURE_REASON))
                .contains("simulated fault in the decision");
    }

    @Test
    void orderThatCannotBeRegisteredIsStillAnsweredAsASystemError() throws Exception {
        PaymentOrder registrable = new PaymentOrder("t-" + UUID.randomUUID(), MERCHANT,
                customerWithCard(ALWAYS_APPROVES, 5_000), "order-" + UUID.randomUUID(), 500, 0, "EUR", "R-1", List.of(),
                Instant.now(), Instant.now().plusSeconds(600));
        // The register takes ticket ids of at most 200 characters, and so does the order's own type: written by hand.
        String ticketId = "t".repeat(201);
        String json = codec.encodeOrder(registrable).replace(registrable.ticketId(), ticketId);

        // Nothing is registered, so only the reply can tell: asked directly, with the time a busy machine may need.
        jms.setReceiveTimeout(DECIDED_WITHIN.toMillis());
        Message reply = jms.sendAndReceive(handoverProperties.paymentQueue(), session -> {
            Message request = session.createTextMessage(json);
            request.setStringProperty("paygateTicketId", ticketId);
            return request;
        });
        assertThat(reply).isNotNull();
        Decision decision = codec.decodeDecision(reply.getBody(String.class));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decision.reason()).isEqualTo("system_error");
        assertThat(accounts.wallet(registrable.customerId()).orElseThrow().balanceMinor()).isEqualTo(5_000);
        assertThat(deadLetterFor(ticketId)).isNotNull();
    }

    @Test
    void cardEntryLeftPendingBeforeItsRequestLeftIsClosedAndCanNoLongerBeSent() {
        String customer = customerWithCard(ALWAYS_APPROVES, 0);
        PaymentOrder order = order(customer, 9_500);
        // What a back unit that died right after registering leaves: PENDING, no STAN, no reversal, nothing sent.
        RegisterOrder registered = order.registerOrder();
        assertThat(register.openCardPayment(registered, "cardnet-a").entry().status()).isEqualTo(RegisterStatus.PENDING);

        await().atMost(DECIDED_WITHIN).untilAsserted(() -> assertThat(register.findByTicket(order.ticketId()))
                .hasValueSatisfying(entry -> {
                    assertThat(entry.status()).isEqualTo(RegisterStatus.REFUSED);
                    assertThat(entry.reason()).isEqualTo("system_error");
                }));
        assertThat(register.claimStan(order.ticketId(), "000001")).isFalse();
        // A redelivery of the order now answers the closed entry and sends nothing.
        Decision redelivered = decide(order);
        assertThat(redelivered.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(redelivered.reason()).isEqualTo("system_error");
    }

    /** The back unit's decision, waited for past the front's short reply wait (the machine may be busy). */
    private Decision decide(PaymentOrder order) {
        Decision answer = handover.handOver(order);
        if (answer.outcome() != Decision.Outcome.PENDING) {
            return answer;
        }
        return await().atMost(DECIDED_WITHIN).until(() -> handover.lookup(order.ticketId())
                .filter(decision -> decision.outcome() != Decision.Outcome.PENDING), Optional::isPresent).orElseThrow();
    }

    private Message deadLetterFor(String ticketId) throws Exception {
        jms.setReceiveTimeout(10_000);
        Message dead = jms.receiveSelected(handoverProperties.deadLetterQueue(), "paygateTicketId = '" + ticketId + "'");
        assertThat(dead).as("dead letter of " + ticketId).isNotNull();
        return dead;
    }

    private String customerWithCard(String pan, long walletMinor) {
        String customer = "und-c" + CUSTOMERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        customers.create(new NewCustomer(customer, "Undecided Customer", "EUR", 100_000));
        vault.enroll(customer, pan.toCharArray(), YearMonth.of(2049, 12));
        if (walletMinor > 0) {
            topUps.topUpWallet(customer, walletMinor, "EUR", "und-opening-" + customer, "UND001", null);
        }
        return customer;
    }

    private static PaymentOrder order(String customer, long amountMinor) {
        return order(customer, amountMinor, Instant.now().plusSeconds(600));
    }

    private static PaymentOrder order(String customer, long amountMinor, Instant decideBy) {
        return new PaymentOrder("tkt-" + UUID.randomUUID(), MERCHANT, customer, "order-" + UUID.randomUUID(),
                amountMinor, amountMinor / 6, "EUR", "R-1", List.of(), Instant.now(), decideBy);
    }
}
