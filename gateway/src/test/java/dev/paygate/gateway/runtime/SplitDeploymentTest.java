package dev.paygate.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.GatewayApplication;
import dev.paygate.gateway.auth.AuthenticationResult;
import dev.paygate.gateway.auth.CustomerCredentials;
import dev.paygate.gateway.merchant.MerchantKeys;
import dev.paygate.gateway.payment.FrontHttp;
import dev.paygate.gateway.payment.UsedTickets;
import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.ticket.TicketSigner;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.simulator.BankSimulator;
import dev.paygate.simulator.SimulatorConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The split deployment as an operator runs it (README, "Configuration"): one standalone Artemis broker on
 * TCP, one PostgreSQL, the bank simulator on loopback, a back unit ({@code external,back}) and a front unit
 * ({@code external,front}) in separate Spring contexts that meet only through the broker and the database,
 * where the front logs in with a role of its own that has no grant on the ledger (DESIGN: the front unit
 * holds no ledger credentials).
 * Q2 is per JVM, so this class starts exactly one back unit and closes it after its tests.
 */
class SplitDeploymentTest {

    /** Absolute: Spring's String-to-Path conversion does not take "../". */
    private static final Path CONFIG = Path.of("..", "config").toAbsolutePath().normalize();
    private static final Path PG_BINARIES = Path.of("target", "split-pg-binaries").toAbsolutePath();
    private static final Duration NETWORKS_WAIT = Duration.ofSeconds(30);
    private static final int VAULT_KEY_BYTES = 32;
    private static final String MERCHANT = "split-shop";
    private static final String CURRENCY = "EUR";
    /** Above the EUR wallet threshold of config/application.yml (3000): the card pays. */
    private static final long CARD_AMOUNT_MINOR = 4_500;
    private static final long WALLET_AMOUNT_MINOR = 1_250;
    private static final long OPENING_BALANCE_MINOR = 5_000;
    private static final String APPROVED_CARD_PAN = "4000000000000002";
    /** The front's own database login: it may create its schema, and has no grant on the ledger's. */
    private static final String FRONT_ROLE = "split_front";
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();
    private static final String CUSTOMER_PASSWORD = "split-pass-1";
    /** Shorter than a browser's patience (FrontHttp waits 15 s), longer than any card answer here. */
    private static final long REPLY_TIMEOUT_MS = 8_000;
    private static final long RECOVERY_INTERVAL_MS = 1_000;

    private static Path workDirectory;
    private static EmbeddedPostgres postgres;
    private static EmbeddedActiveMQ broker;
    private static BankSimulator simulator;
    private static ConfigurableApplicationContext back;
    private static ConfigurableApplicationContext front;

    @BeforeAll
    static void startBrokerDatabaseSimulatorAndBothUnits() throws Exception {
        workDirectory = Files.createTempDirectory(Path.of("target"), "split-").toAbsolutePath();
        postgres = StandalonePostgres.start(PG_BINARIES, workDirectory.resolve("postgres"));
        String database = workDirectory.getFileName().toString().replace('-', '_');
        createDatabaseWithFrontRole(database);
        // Not zonky's getJdbcUrl: its "?user=postgres" would override each unit's own login.
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
        String brokerUrl = startBroker();
        simulator = BankSimulator.start(SimulatorConfig.load(CONFIG.resolve("bank-simulator/simulator.yml"))
                .withEphemeralPorts());

        List<String> shared = List.of(
                "--paygate.config-directory=" + CONFIG,
                "--spring.config.additional-location=optional:file:" + CONFIG + "/",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.artemis.broker-url=" + brokerUrl);
        back = SpringApplication.run(GatewayApplication.class, arguments(shared,
                "--spring.profiles.active=external,back",
                "--spring.datasource.username=postgres",
                "--paygate.data-directory=" + workDirectory.resolve("back"),
                "--paygate.card.networks.cardnet-a.port=" + simulator.port("cardnet-a"),
                "--paygate.card.networks.cardnet-b.port=" + simulator.port("cardnet-b"),
                "--paygate.vault.keys.k1=" + randomVaultKey(),
                "--paygate.vault.active-key-id=k1"));
        front = SpringApplication.run(GatewayApplication.class, arguments(shared,
                "--spring.profiles.active=external,front",
                "--spring.datasource.username=" + FRONT_ROLE,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--paygate.data-directory=" + workDirectory.resolve("front"),
                "--paygate.handover.reply-timeout-ms=" + REPLY_TIMEOUT_MS,
                "--paygate.handover.recovery-interval-ms=" + RECOVERY_INTERVAL_MS));

        CardNetworks networks = back.getBean(CardNetworks.class);
        await().atMost(NETWORKS_WAIT).until(() -> networks.isConnected("cardnet-a") && networks.isConnected("cardnet-b"));
        enrollMerchant();
    }

    @AfterAll
    static void stopInReverseOrder() throws Exception {
        List<Exception> failures = new ArrayList<>();
        closeCollectingFailure(front == null ? null : front::close, failures);
        closeCollectingFailure(back == null ? null : back::close, failures);
        closeCollectingFailure(simulator == null ? null : simulator::close, failures);
        closeCollectingFailure(broker == null ? null : broker::stop, failures);
        closeCollectingFailure(postgres == null ? null : postgres::close, failures);
        closeCollectingFailure(workDirectory == null ? null : SplitDeploymentTest::removeWorkDirectory, failures);
        if (!failures.isEmpty()) {
            Exception first = failures.getFirst();
            failures.stream().skip(1).forEach(first::addSuppressed);
            throw first;
        }
    }

    @Test
    void frontUnitHoldsNoLedgerNoCardVaultAndNoCardNetwork() {
        assertThat(front.getBeanProvider(PaymentRegister.class).getIfAvailable()).isNull();
        assertThat(front.getBeanProvider(CardVault.class).getIfAvailable()).isNull();
        assertThat(front.getBeanProvider(CardNetworks.class).getIfAvailable()).isNull();
        assertThat(front.getBeanProvider(Accounts.class).getIfAvailable()).isNull();
        assertThat(front).isInstanceOf(WebServerApplicationContext.class);
        assertThat(((WebServerApplicationContext) front).getWebServer().getPort()).isPositive();
        CamelContext camel = front.getBean(CamelContext.class);
        assertThat(camel.getRoute("front.payment.hand-over")).isNotNull();
        assertThat(camel.getRoute("back.payment.receive")).as("the front consumes no payment orders").isNull();
    }

    @Test
    void backUnitHasNoHttpListenerButOwnsLedgerVaultAndNetworks() {
        assertThat(back).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(back.getBeanProvider(PaymentRegister.class).getIfAvailable()).isNotNull();
        assertThat(back.getBeanProvider(CardVault.class).getIfAvailable()).isNotNull();
        assertThat(back.getBean(CardNetworks.class).isConnected("cardnet-a")).isTrue();
        assertThat(back.getBeanProvider(MerchantKeys.class).getIfAvailable()).as("no front pages in the back").isNull();
        CamelContext camel = back.getBean(CamelContext.class);
        assertThat(camel.getRoute("back.payment.receive")).isNotNull();
        assertThat(camel.getRoute("front.payment.hand-over")).isNull();
    }

    @Test
    void frontDatabaseLoginCannotReadTheLedger() {
        JdbcClient frontDatabase = JdbcClient.create(front.getBean(DataSource.class));

        assertThat(frontDatabase.sql("SELECT current_user").query(String.class).single()).isEqualTo(FRONT_ROLE);
        assertThatThrownBy(() -> frontDatabase.sql("SELECT count(*) FROM ledger.account").query(Long.class).single())
                .rootCause().hasMessageContaining("permission denied for schema ledger");
        assertThat(frontDatabase.sql("SELECT count(*) FROM front.merchant").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void frontKeepsItsCredentialsAndMerchantKeysInItsOwnSchema() {
        String customer = customerWithCard(0);
        front.getBean(CustomerCredentials.class).enroll(customer, CUSTOMER_PASSWORD.toCharArray());

        assertThat(front.getBean(CustomerCredentials.class).authenticate(customer, CUSTOMER_PASSWORD.toCharArray()))
                .isEqualTo(AuthenticationResult.AUTHENTICATED);
        assertThat(front.getBean(MerchantKeys.class).merchantName(MERCHANT)).contains("Split Shop");
    }

    @Test
    void walletPaymentCrossesTheBrokerAndDebitsTheWallet() {
        String customer = customerWithCard(OPENING_BALANCE_MINOR);
        Accounts accounts = back.getBean(Accounts.class);
        long tillBeforeMinor = accounts.till(MERCHANT).orElseThrow().balanceMinor();
        PaymentHandover handover = front.getBean(PaymentHandover.class);

        Decision decision = handover.handOver(order(customer, WALLET_AMOUNT_MINOR));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.APPROVED);
        assertThat(decision.path()).isEqualTo(SettlementPath.WALLET);
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).isEqualTo(OPENING_BALANCE_MINOR - WALLET_AMOUNT_MINOR);
        assertThat(accounts.till(MERCHANT).orElseThrow().balanceMinor() - tillBeforeMinor).isEqualTo(WALLET_AMOUNT_MINOR);
        assertThat(handover.lookup(decision.ticketId())).hasValueSatisfying(recorded -> {
            assertThat(recorded.outcome()).isEqualTo(Decision.Outcome.APPROVED);
            assertThat(recorded.path()).isEqualTo(SettlementPath.WALLET);
            assertThat(recorded.registerSerial()).isEqualTo(decision.registerSerial());
        });
    }

    @Test
    void cardPaymentCrossesTheBrokerToTheCardNetwork() {
        String customer = customerWithCard(OPENING_BALANCE_MINOR);
        Accounts accounts = back.getBean(Accounts.class);
        PaymentHandover handover = front.getBean(PaymentHandover.class);

        Decision decision = handover.handOver(order(customer, CARD_AMOUNT_MINOR));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.APPROVED);
        assertThat(decision.path()).isEqualTo(SettlementPath.CARD);
        assertThat(decision.authCode()).isNotBlank();
        assertThat(decision.rrn()).hasSize(12);
        assertThat(accounts.wallet(customer).orElseThrow().balanceMinor()).as("the card paid, not the wallet")
                .isEqualTo(OPENING_BALANCE_MINOR);
        assertThat(back.getBean(PaymentRegister.class).findByTicket(decision.ticketId()).orElseThrow().network())
                .isEqualTo("cardnet-a");
        assertThat(handover.lookup(decision.ticketId())).hasValueSatisfying(recorded -> {
            assertThat(recorded.outcome()).isEqualTo(Decision.Outcome.APPROVED);
            assertThat(recorded.path()).isEqualTo(SettlementPath.CARD);
            assertThat(recorded.authCode()).isEqualTo(decision.authCode());
            assertThat(recorded.rrn()).isEqualTo(decision.rrn());
        });
    }

    /**
     * A back unit away (stopped consumer: restarting, or busy elsewhere) while customers pay: the front's wait ends
     * in "pending", the orders wait in the broker past it, and once the back unit reads them again every ticket
     * ends final within one recovery round plus the wait, with one voucher each.
     */
    @Test
    void paymentsConfirmedWhileTheBackUnitIsAwayAllEndFinalOnceItReturns() throws Exception {
        String customer = customerWithCard(OPENING_BALANCE_MINOR);
        front.getBean(CustomerCredentials.class).enroll(customer, CUSTOMER_PASSWORD.toCharArray());
        OctetKeyPair merchantKey = OctetKeyPair.parse(Files.readString(CONFIG.resolve("demo-shop/merchant-key.jwk.json")));
        TicketSigner signer = new TicketSigner(merchantKey);
        int frontPort = ((WebServerApplicationContext) front).getWebServer().getPort();
        // One browser per ticket: each confirms its own payment and may then ask for its status.
        Map<String, FrontHttp> browsers = new ConcurrentHashMap<>();
        List<Ticket> tickets = List.of(WALLET_AMOUNT_MINOR, CARD_AMOUNT_MINOR, WALLET_AMOUNT_MINOR + 1).stream()
                .map(amountMinor -> Ticket.simple(MERCHANT, "away-" + UUID.randomUUID()).customerId(customer)
                        .amountMinor(amountMinor).vatMinor(amountMinor / 6).currency(CURRENCY).serial("S-away")
                        .returnUrl(URI.create("https://shop.example/return")).cancelUrl(URI.create("https://shop.example/cancel"))
                        .build())
                .toList();
        CamelContext backRoutes = back.getBean(CamelContext.class);
        backRoutes.getRouteController().stopRoute("back.payment.receive");
        List<HttpResponse<String>> answers;
        try {
            answers = tickets.parallelStream().map(ticket -> browsers
                    .computeIfAbsent(ticket.ticketId(), id -> new FrontHttp(frontPort))
                    .submit("/pay/confirm", Map.of("ticket", signer.sign(ticket), "password", CUSTOMER_PASSWORD)))
                    .toList();
        } finally {
            backRoutes.getRouteController().startRoute("back.payment.receive");
        }
        Instant returned = Instant.now();

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(202));
        UsedTickets usedTickets = front.getBean(UsedTickets.class);
        await().atMost(Duration.ofMillis(RECOVERY_INTERVAL_MS * 2 + REPLY_TIMEOUT_MS)).untilAsserted(() ->
                assertThat(tickets).allSatisfy(ticket -> assertThat(usedTickets.find(ticket.ticketId()).orElseThrow()
                        .outcome()).isEqualTo(UsedTickets.Outcome.APPROVED)));
        assertThat(Duration.between(returned, Instant.now())).isLessThan(Duration.ofMillis(RECOVERY_INTERVAL_MS + REPLY_TIMEOUT_MS));
        for (Ticket ticket : tickets) {
            HttpResponse<String> status = browsers.get(ticket.ticketId()).get("/pay/status/" + ticket.ticketId());
            assertThat(status.statusCode()).isEqualTo(303);
            assertThat(status.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).startsWith("https://shop.example/return?voucher="));
        }
        long walletPaidMinor = WALLET_AMOUNT_MINOR + WALLET_AMOUNT_MINOR + 1;
        assertThat(back.getBean(Accounts.class).wallet(customer).orElseThrow().balanceMinor())
                .as("each wallet payment taken once").isEqualTo(OPENING_BALANCE_MINOR - walletPaidMinor);
    }

    /** The merchant as an operator enrolls it in a split deployment: ledger party in the back, ticket key in the front. */
    private static void enrollMerchant() throws Exception {
        back.getBean(MerchantRecords.class).create(new NewMerchant(MERCHANT, "Split Shop", "5814",
                new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "SPLIT001", "SPLITSHOP000001",
                "Split Shop               Berlin       DE", CURRENCY));
        JWK publicKey = JWK.parse(Files.readString(CONFIG.resolve("demo-shop/merchant-key.public.jwk.json")));
        front.getBean(MerchantKeys.class).register(MERCHANT, "Split Shop", publicKey);
    }

    private static String customerWithCard(long walletMinor) {
        String customer = "split-c" + CUSTOMERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        back.getBean(CustomerRecords.class).create(new NewCustomer(customer, "Split Customer", CURRENCY, 100_000));
        back.getBean(CardVault.class).enroll(customer, APPROVED_CARD_PAN.toCharArray(), YearMonth.of(2049, 12));
        if (walletMinor > 0) {
            back.getBean(WalletTopUps.class).topUpWallet(customer, walletMinor, CURRENCY, "split-opening-" + customer,
                    "SPLIT0", null);
        }
        return customer;
    }

    private static PaymentOrder order(String customer, long amountMinor) {
        return new PaymentOrder("tkt-" + UUID.randomUUID(), MERCHANT, customer, "order-" + UUID.randomUUID(),
                amountMinor, amountMinor / 6, CURRENCY, "S-1", List.of(), Instant.now(), Instant.now().plusSeconds(600));
    }

    /** A standalone broker as the units would find it on the network: TCP only, nothing in-VM. */
    private static String startBroker() throws Exception {
        String url = StandaloneBroker.freeUrl();
        broker = StandaloneBroker.start("split-broker", workDirectory.resolve("broker"), false, url);
        return url;
    }

    private static void createDatabaseWithFrontRole(String database) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            statement.execute("CREATE ROLE " + FRONT_ROLE + " LOGIN");
            // Enough for the front's Flyway to create schema `front`; the ledger's schemas stay the back's.
            statement.execute("GRANT CREATE ON DATABASE " + database + " TO " + FRONT_ROLE);
        }
    }

    private static void removeWorkDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(workDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static String randomVaultKey() {
        byte[] key = new byte[VAULT_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String[] arguments(List<String> shared, String... own) {
        List<String> all = new ArrayList<>(shared);
        all.addAll(List.of(own));
        return all.toArray(String[]::new);
    }

    /** Records a failure instead of throwing it, so the parts after it still stop. */
    private static void closeCollectingFailure(AutoCloseable part, List<Exception> failures) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            failures.add(e);
        }
    }
}
