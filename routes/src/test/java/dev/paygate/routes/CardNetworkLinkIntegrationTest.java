package dev.paygate.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.routes.network.CardLinkAdaptor;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.network.LinkListener;
import dev.paygate.routes.network.LinkLoss;
import dev.paygate.routes.network.LinkState;
import dev.paygate.routes.network.NetworkManagement;
import dev.paygate.routes.networkdesk.BackReport;
import dev.paygate.routes.networkdesk.NetworkCommand;
import dev.paygate.routes.networkdesk.NetworkDesk;
import dev.paygate.routes.networkdesk.NetworkDeskProperties;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.reversal.ReversalQueue;
import dev.paygate.routes.support.BackUnitTestRuntime;
import dev.paygate.routes.support.NetworkLinkProxy;
import dev.paygate.routes.support.RoutesTestApplication;
import dev.paygate.simulator.EndpointConfig;
import dev.paygate.simulator.SimulatorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The card network links breaking and mending under a running back unit, over real TCP: the back unit reaches the
 * bank simulator through a {@link NetworkLinkProxy} per network, which the tests cut, shut and reopen. The networks
 * answer after 10 s at the latest here, as in production, so that "at once" and "within 2 s" cannot be a timeout.
 * BIN route 4 (cardnet-a) falls back to cardnet-b, which knows every test card; route 5 (cardnet-b) has no fallback.
 */
@CamelSpringBootTest
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = RoutesTestApplication.class)
class CardNetworkLinkIntegrationTest {

    private static final String MERCHANT = "link-shop";
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    private static final long TIMEOUT_MS = 10_000;
    private static final long RECONNECT_FIRST_MS = 200;
    private static final long RECONNECT_MAX_MS = 1_600;
    /** "Within about a second" for the customer, with room for a loaded machine; well under the 10 s timeout. */
    private static final Duration NOTICED_MAX = Duration.ofSeconds(2);
    private static final Duration MENDED_MAX = Duration.ofSeconds(20);

    private static NetworkLinkProxy cardnetA;
    private static NetworkLinkProxy cardnetB;

    @DynamicPropertySource
    static void realPartsBehindProxies(DynamicPropertyRegistry registry) {
        BackUnitTestRuntime.register(registry, "links_it");
        Map<String, NetworkLinkProxy> proxies = proxies();
        cardnetA = proxies.get("cardnet-a");
        cardnetB = proxies.get("cardnet-b");
        for (String network : List.of("cardnet-a", "cardnet-b")) {
            String prefix = "paygate.card.networks." + network + ".";
            registry.add(prefix + "port", () -> proxies.get(network).port());
            registry.add(prefix + "timeout-ms", () -> TIMEOUT_MS);
            registry.add(prefix + "reconnect-delay-ms", () -> RECONNECT_FIRST_MS);
            registry.add(prefix + "reconnect-delay-max-ms", () -> RECONNECT_MAX_MS);
        }
        registry.add("paygate.card.bin-routes[0].prefix", () -> "4");
        registry.add("paygate.card.bin-routes[0].network", () -> "cardnet-a");
        registry.add("paygate.card.bin-routes[0].fallback-network", () -> "cardnet-b");
        registry.add("paygate.card.bin-routes[1].prefix", () -> "5");
        registry.add("paygate.card.bin-routes[1].network", () -> "cardnet-b");
        registry.add("paygate.handover.reply-timeout-ms", () -> 15_000);
        registry.add("paygate.network-desk.back-name", () -> "back-it");
        // A loaded machine can take more than the default second to answer a status.
        registry.add("paygate.network-desk.discovery-wait-ms", () -> 3_000);
        // Every action here is answered in milliseconds; only the one addressed to a missing back unit waits it out.
        registry.add("paygate.network-desk.action-wait-ms", () -> 5_000);
    }

    private static Map<String, NetworkLinkProxy> proxies() {
        SimulatorConfig simulator = SimulatorConfig.load(BackUnitTestRuntime.CONFIG.resolve("bank-simulator/simulator.yml"));
        return simulator.endpoints().stream().collect(Collectors.toMap(EndpointConfig::name, endpoint ->
                NetworkLinkProxy.start(endpoint.profile(), BackUnitTestRuntime.simulator().port(endpoint.name()))));
    }

    @AfterAll
    static void closeProxies() {
        cardnetA.close();
        cardnetB.close();
    }

    @Autowired PaymentHandover handover;
    @Autowired PaymentRegister register;
    @Autowired CustomerRecords customers;
    @Autowired MerchantRecords merchants;
    @Autowired CardVault vault;
    @Autowired ReversalQueue reversals;
    @Autowired CardNetworks networks;
    @Autowired NetworkManagement management;
    @Autowired NetworkDesk desk;
    @Autowired NetworkDeskProperties deskProperties;
    @Autowired MeterRegistry meters;

    @BeforeEach
    void merchantAndSignedOnLinks() {
        if (merchants.find(MERCHANT).isEmpty()) {
            merchants.create(new NewMerchant(MERCHANT, "Link Shop", "5814",
                    new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "LINKSH01", "LINKSHOP0000001",
                    "Link Shop                Berlin       DE", "EUR"));
        }
        awaitSignedOn("cardnet-a", "cardnet-b");
    }

    @AfterEach
    void mendTheLinks() {
        cardnetA.accept();
        cardnetB.accept();
        for (String network : List.of("cardnet-a", "cardnet-b")) {
            if (management.view(network).signedOffByOperator()) {
                management.signOnAsOperator(network, "test-cleanup");
            }
        }
        awaitSignedOn("cardnet-a", "cardnet-b");
    }

    @Test
    void aLinkCutMidRequestAnswersTheCustomerWithinTwoSecondsAndQueuesTheReversal() throws Exception {
        String customer = customerWithCard("4000000000000085");
        PaymentOrder order = order(customer, 6_000);
        double lostBefore = count("paygate.card.requests", "response_code", "link_lost");

        CompletableFuture<Decision> decided = CompletableFuture.supplyAsync(() -> handover.handOver(order));
        await().atMost(MENDED_MAX).until(() -> lastConnection(cardnetA).contains("0100"));
        BackReport.LinkReport waiting = linkReport(desk.status(), "cardnet-a");
        long cutNanos = System.nanoTime();
        cardnetA.cut();
        Decision decision = decided.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - cutNanos);

        assertThat(waiting.inFlight()).as("operators saw the request in flight").isEqualTo(1);
        assertThat(answeredIn).isLessThan(NOTICED_MAX);
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decision.reason()).isEqualTo("issuer_unavailable");
        assertThat(register.findByTicket(order.ticketId()).orElseThrow().status()).isEqualTo(RegisterStatus.REVERSED);
        assertThat(reversals.statusOf(order.ticketId())).as("reversal due, not held or cancelled")
                .containsAnyOf("PENDING", "ACKNOWLEDGED");
        assertThat(count("paygate.card.requests", "response_code", "link_lost")).isEqualTo(lostBefore + 1);
        await().atMost(MENDED_MAX).until(() -> reversals.statusOf(order.ticketId()), List.of("ACKNOWLEDGED")::equals);
    }

    @Test
    void aNetworkThatClosesTheConnectionInsteadOfAnsweringIsNoticedAtOnce() {
        double closedBefore = count("paygate.card.network.link.down", "reason", LinkLoss.CLOSED_BY_NETWORK.tag());
        PaymentOrder order = order(customerWithCard("4000000000000093"), 6_000);

        long sentNanos = System.nanoTime();
        Decision decision = handover.handOver(order);

        assertThat(Duration.ofNanos(System.nanoTime() - sentNanos)).isLessThan(NOTICED_MAX);
        assertThat(decision.reason()).isEqualTo("issuer_unavailable");
        assertThat(count("paygate.card.network.link.down", "reason", LinkLoss.CLOSED_BY_NETWORK.tag()))
                .isGreaterThan(closedBefore);
    }

    @Test
    void anUnreadableFrameIsLoggedMaskedCountedAndEndsTheRequestAtOnce() {
        double unreadableBefore = count("paygate.card.network.frames.unreadable", "network", "cardnet-a");
        PaymentOrder order = order(customerWithCard("4000000000000101"), 6_000);
        Logger adaptorLog = (Logger) LoggerFactory.getLogger(CardLinkAdaptor.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        adaptorLog.addAppender(logged);

        long sentNanos = System.nanoTime();
        Decision decision;
        try {
            decision = handover.handOver(order);
        } finally {
            adaptorLog.detachAppender(logged);
        }

        assertThat(Duration.ofNanos(System.nanoTime() - sentNanos)).isLessThan(NOTICED_MAX);
        assertThat(decision.reason()).isEqualTo("issuer_unavailable");
        assertThat(count("paygate.card.network.frames.unreadable", "network", "cardnet-a")).isEqualTo(unreadableBefore + 1);
        assertThat(count("paygate.card.network.link.down", "reason", LinkLoss.UNREADABLE_FRAME.tag())).isPositive();
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).startsWith("Card network cardnet-a: a frame could not be read"))
                .anySatisfy(line -> assertThat(line).startsWith("Card network cardnet-a: link down (unreadable_frame"))
                .allSatisfy(line -> assertThat(line).doesNotContain("4000000000000101"));
    }

    @Test
    void aPaymentOnADownLinkWithoutFallbackIsRefusedAtOnceAndNothingIsSent() {
        cardnetB.refuse();
        awaitState("cardnet-b", LinkState.DOWN);
        double unsentBefore = count("paygate.card.network.requests.unsent", "network", "cardnet-b");
        PaymentOrder order = order(customerWithCard("5100000000000008"), 6_000);

        long sentNanos = System.nanoTime();
        Decision decision = handover.handOver(order);

        assertThat(Duration.ofNanos(System.nanoTime() - sentNanos)).isLessThan(NOTICED_MAX);
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decision.reason()).isEqualTo("issuer_unavailable");
        assertThat(count("paygate.card.network.requests.unsent", "network", "cardnet-b")).isEqualTo(unsentBefore + 1);
        assertThat(reversals.statusOf(order.ticketId())).as("nothing held: nothing left").isEmpty();
    }

    @Test
    void aCardWhoseNetworkIsDownGoesToItsBinRoutesFallbackNetwork() {
        cardnetA.refuse();
        awaitState("cardnet-a", LinkState.DOWN);
        PaymentOrder order = order(customerWithCard("4000000000000002"), 6_000);

        Decision decision = handover.handOver(order);

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.APPROVED);
        assertThat(register.findByTicket(order.ticketId()).orElseThrow().network()).isEqualTo("cardnet-b");
        assertThat(count("paygate.card.network.fallbacks", "fallback", "cardnet-b")).isPositive();
    }

    @Test
    void reconnectDelaysGrowWhileTheNetworkRefusesAndStartOverAfterASignOn() {
        CardLinkAdaptor adaptor = networks.link("cardnet-b").adaptor();
        List<Duration> pauses = new CopyOnWriteArrayList<>();
        LinkListener recorder = new LinkListener() {
            @Override
            public void linkDown(String network, LinkLoss loss, String detail, Duration retryIn) {
                pauses.add(retryIn);
            }

            @Override
            public void connectFailed(String network, int failures, String detail, Duration retryIn) {
                pauses.add(retryIn);
            }
        };
        adaptor.addLinkListener(recorder);
        try {
            cardnetB.refuse();
            await().atMost(MENDED_MAX).until(() -> pauses.size() >= 6);
            for (int failure = 1; failure <= 6; failure++) {
                long fullMs = Math.min(RECONNECT_FIRST_MS << (failure - 1), RECONNECT_MAX_MS);
                assertThat(pauses.get(failure - 1)).as("pause after failure " + failure)
                        .isBetween(Duration.ofMillis(fullMs / 2), Duration.ofMillis(fullMs));
            }

            cardnetB.accept();
            awaitSignedOn("cardnet-b");
            assertThat(adaptor.status().failuresSinceSignOn()).isZero();
            pauses.clear();
            cardnetB.cut();
            await().atMost(MENDED_MAX).until(() -> !pauses.isEmpty());

            assertThat(pauses.getFirst()).as("first pause again after the sign-on")
                    .isBetween(Duration.ofMillis(RECONNECT_FIRST_MS / 2), Duration.ofMillis(RECONNECT_FIRST_MS));
        } finally {
            adaptor.removeLinkListener(recorder);
        }
    }

    @Test
    void aReconnectedLinkSignsOnBeforeAnyPaymentGoesOut() throws Exception {
        String customer = customerWithCard("5100000000000008");
        AtomicBoolean paying = new AtomicBoolean(true);
        List<Decision> decisions = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> payments = CompletableFuture.runAsync(() -> {
            while (paying.get()) {
                decisions.add(handover.handOver(order(customer, 5_000)));
                sleepMs(50);
            }
        });
        try {
            cardnetB.refuse();
            awaitState("cardnet-b", LinkState.DOWN);
            await().atMost(MENDED_MAX).until(() -> decisions.stream()
                    .anyMatch(decision -> "issuer_unavailable".equals(decision.reason())));
            cardnetB.accept();
            awaitSignedOn("cardnet-b");
            await().atMost(MENDED_MAX).until(() -> decisions.stream()
                    .anyMatch(decision -> decision.outcome() == Decision.Outcome.APPROVED));
        } finally {
            paying.set(false);
            payments.get(30, TimeUnit.SECONDS);
        }

        List<List<String>> connections = cardnetB.messagesByConnection();
        assertThat(connections).filteredOn(messages -> !messages.isEmpty()).allSatisfy(messages ->
                assertThat(messages.getFirst()).as("first message on a connection").isEqualTo("0800/001"));
    }

    @Test
    void operatorsSeeEachLinkAndSignOffEchoAndSignOnThroughTheBackUnits() {
        NetworkDesk.DeskAnswer status = desk.status();
        assertThat(status.backs()).singleElement().satisfies(back -> {
            assertThat(back.back()).isEqualTo(deskProperties.backName()).isEqualTo("back-it");
            assertThat(back.networks()).extracting(BackReport.LinkReport::network).containsExactly("cardnet-a", "cardnet-b");
            assertThat(back.networks()).extracting(BackReport.LinkReport::state).containsOnly("signed_on");
        });

        NetworkDesk.DeskAnswer signedOff = desk.act(NetworkCommand.Action.SIGN_OFF, "cardnet-b", null, "ops-anna");
        assertThat(signedOff.silentBacks()).isEmpty();
        assertThat(signedOff.backs()).singleElement().satisfies(back -> assertThat(back.action().outcome()).isEqualTo("approved"));
        BackReport.LinkReport off = linkReport(signedOff, "cardnet-b");
        assertThat(off.state()).isEqualTo("connected");
        assertThat(off.signedOffByOperator()).isTrue();
        assertThat(off.lastOperator()).isEqualTo("ops-anna");
        assertThat(handover.handOver(order(customerWithCard("5100000000000008"), 5_000)).reason())
                .as("no payment on a signed-off link").isEqualTo("issuer_unavailable");

        NetworkDesk.DeskAnswer echoed = desk.act(NetworkCommand.Action.ECHO, "cardnet-b", "back-it", "ops-anna");
        assertThat(linkReport(echoed, "cardnet-b").lastEcho().outcome()).isEqualTo("approved");

        long connection = networks.link("cardnet-b").status().connection();
        cardnetB.cut();
        await().atMost(MENDED_MAX).until(() -> networks.link("cardnet-b").status().connection() > connection
                && networks.link("cardnet-b").status().state() == LinkState.CONNECTED);
        assertThat(linkReport(desk.status(), "cardnet-b").state()).as("still signed off after a reconnect")
                .isEqualTo("connected");

        NetworkDesk.DeskAnswer signedOn = desk.act(NetworkCommand.Action.SIGN_ON, "cardnet-b", null, "ops-anna");
        assertThat(linkReport(signedOn, "cardnet-b").state()).isEqualTo("signed_on");
        assertThat(handover.handOver(order(customerWithCard("5100000000000008"), 5_000)).outcome())
                .isEqualTo(Decision.Outcome.APPROVED);

        assertThat(desk.act(NetworkCommand.Action.ECHO, "cardnet-x", null, "ops-anna").backs())
                .singleElement().satisfies(back -> assertThat(back.action().outcome()).isEqualTo("unknown_network"));
        assertThat(desk.act(NetworkCommand.Action.ECHO, "cardnet-b", "back-gone", "ops-anna").silentBacks())
                .containsExactly("back-gone");
    }

    private void awaitSignedOn(String... networkNames) {
        for (String network : networkNames) {
            awaitState(network, LinkState.SIGNED_ON);
        }
    }

    private void awaitState(String network, LinkState state) {
        await().atMost(MENDED_MAX).until(() -> networks.link(network).status().state() == state);
    }

    private static List<String> lastConnection(NetworkLinkProxy proxy) {
        List<List<String>> connections = proxy.messagesByConnection();
        return connections.isEmpty() ? List.of() : connections.getLast();
    }

    private static BackReport.LinkReport linkReport(NetworkDesk.DeskAnswer answer, String network) {
        return answer.backs().getFirst().networks().stream()
                .filter(report -> report.network().equals(network)).findFirst().orElseThrow();
    }

    private double count(String meter, String tag, String value) {
        return meters.find(meter).tag(tag, value).meters().stream()
                .mapToDouble(found -> found instanceof io.micrometer.core.instrument.Timer timer ? timer.count()
                        : found.measure().iterator().next().getValue())
                .sum();
    }

    private static void sleepMs(long pauseMs) {
        try {
            Thread.sleep(pauseMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String customerWithCard(String pan) {
        String customer = "link-c" + CUSTOMERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        customers.create(new NewCustomer(customer, "Link Customer", "EUR", 100_000));
        vault.enroll(customer, pan.toCharArray(), YearMonth.of(2049, 12));
        return customer;
    }

    private static PaymentOrder order(String customer, long amountMinor) {
        return new PaymentOrder("tkt-" + UUID.randomUUID(), MERCHANT, customer, "order-" + UUID.randomUUID(),
                amountMinor, amountMinor / 6, "EUR", "R-1", List.of(), Instant.now(), Instant.now().plusSeconds(600));
    }
}
