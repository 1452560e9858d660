package dev.paygate.gateway.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.paygate.gateway.GatewayApplication;
import dev.paygate.gateway.runtime.StandaloneBroker;
import dev.paygate.gateway.runtime.StandalonePostgres;
import dev.paygate.gateway.runtime.TestPorts;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.iso8583.packager.MessageCodec;
import dev.paygate.iso8583.packager.PackagerDefinition;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.ledger.vault.VaultKeys;
import dev.paygate.routes.networkdesk.BackReport;
import dev.paygate.routes.networkdesk.NetworkCommand;
import dev.paygate.routes.networkdesk.NetworkDesk;
import dev.paygate.routes.networkdesk.NetworkDeskProperties;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.simulator.BankSimulator;
import dev.paygate.simulator.SimulatorConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;

/**
 * Two back units as separate processes ({@code external,back}, as docs/deployment.md runs them) consume the one
 * request queue of one standalone broker on TCP. Back unit "a" reaches cardnet-b through a link that swallows
 * requests, so an order it takes stays in its hands; it is killed with SIGKILL right then, mid-order. The order
 * must be taken by back unit "b" and decided exactly once: one register entry, one reply, nothing booked twice at
 * the issuer, and the reversal "a" held for its unanswered request sent by "b", which takes over the reversal
 * lease with the dead unit's database session. Before that, an operator's network desk (what a front unit uses)
 * sees the links of both back units and has each one echo its cardnet-b link.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompetingBackUnitsTest {

    private static final Path CONFIG = Path.of("..", "config").toAbsolutePath().normalize();
    private static final Path PG_BINARIES = Path.of("target", "cluster-pg-binaries").toAbsolutePath();
    private static final String PAYMENT_QUEUE = "paygate.payment.request";
    private static final String DEAD_LETTER_QUEUE = "paygate.payment.dead-letter";
    private static final String MERCHANT = "cluster-shop";
    private static final String CUSTOMER = "cluster-customer";
    private static final String CURRENCY = "EUR";
    /** cardnet-b (PAN 5...), always approves at the simulator. */
    private static final String CARD_PAN = "5100000000000008";
    /** Above the EUR wallet threshold of config/application.yml (3000): the card pays. */
    private static final long CARD_AMOUNT_MINOR = 4_000;
    /** Back unit "a" waits this long for cardnet-b; its held reversal falls due three of these later. */
    private static final long SWALLOWED_ANSWER_TIMEOUT_MS = 4_000;
    /** With two consumers per unit an order lands on "a" with odds 1/2; 20 tries miss it once in a million. */
    private static final int ORDERS_MAX = 20;
    private static final Duration UNIT_STARTUP_WAIT = Duration.ofMinutes(4);
    private static final Duration REPLY_WAIT = Duration.ofSeconds(60);
    private static final Duration REVERSAL_WAIT = Duration.ofSeconds(90);
    private static final Duration DUPLICATE_REPLY_WAIT = Duration.ofSeconds(2);
    /** As long as a ticket lives (merchant-kit default): the test never hits an order's end. */
    private static final Duration ORDER_LIFE = Duration.ofMinutes(15);

    private static Path workDirectory;
    private static EmbeddedPostgres postgres;
    private static DataSource database;
    private static EmbeddedActiveMQ broker;
    private static String brokerUrl;
    private static BankSimulator simulator;
    private static SwallowingNetwork swallowingNetwork;
    private static BackUnitProcess backA;
    private static BackUnitProcess backB;
    private static Connection jms;
    private static final OrderCodec CODEC = new OrderCodec();

    @BeforeAll
    static void startDatabaseBrokerNetworksAndTwoBackUnits() throws Exception {
        workDirectory = Files.createTempDirectory(Path.of("target"), "cluster-").toAbsolutePath();
        postgres = StandalonePostgres.start(PG_BINARIES, workDirectory.resolve("postgres"));
        String databaseName = "cluster";
        try (var connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + databaseName);
        }
        database = postgres.getDatabase("postgres", databaseName);
        brokerUrl = StandaloneBroker.freeUrl();
        broker = StandaloneBroker.start("cluster-broker", workDirectory.resolve("broker"), true, brokerUrl);
        simulator = BankSimulator.start(SimulatorConfig.load(CONFIG.resolve("bank-simulator/simulator.yml"))
                .withEphemeralPorts());
        swallowingNetwork = SwallowingNetwork.start();

        String vaultKey = randomVaultKey();
        String jdbcUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + databaseName;
        backA = BackUnitProcess.start("a", workDirectory, jdbcUrl, brokerUrl, vaultKey,
                simulator.port("cardnet-a"), swallowingNetwork.port(), SWALLOWED_ANSWER_TIMEOUT_MS);
        backB = BackUnitProcess.start("b", workDirectory, jdbcUrl, brokerUrl, vaultKey,
                simulator.port("cardnet-a"), simulator.port("cardnet-b"), SWALLOWED_ANSWER_TIMEOUT_MS);
        backA.awaitHealthy(UNIT_STARTUP_WAIT);
        backB.awaitHealthy(UNIT_STARTUP_WAIT);
        // "a" must be linked to the swallowing network, or it refuses without sending (issuer_unavailable).
        swallowingNetwork.awaitConnection(UNIT_STARTUP_WAIT);
        enrollMerchantAndCustomer(vaultKey);
        jms = new ActiveMQConnectionFactory(brokerUrl).createConnection();
        jms.start();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        List<AutoCloseable> parts = new ArrayList<>();
        parts.add(jms == null ? null : jms::close);
        parts.add(backA);
        parts.add(backB);
        parts.add(swallowingNetwork);
        parts.add(simulator);
        parts.add(broker == null ? null : broker::stop);
        parts.add(postgres);
        Exception first = null;
        for (AutoCloseable part : parts) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Test
    @Order(1)
    void anOperatorSeesAndActsOnTheLinksOfEachBackUnit() {
        // Back units fresh out of a slow start on a busy machine answer their first command late: wait generously.
        NetworkDesk desk = new NetworkDesk(new JmsTemplate(new ActiveMQConnectionFactory(brokerUrl)),
                new NetworkDeskProperties("paygate.network.command", "front-test", 5_000, 30_000), Clock.systemUTC());
        await().atMost(UNIT_STARTUP_WAIT).until(() -> desk.status().backs().size() == 2);

        NetworkDesk.DeskAnswer status = desk.status();
        NetworkDesk.DeskAnswer echoed = desk.act(NetworkCommand.Action.ECHO, "cardnet-b", null, "ops-test");

        assertThat(status.backs()).extracting(BackReport::back).containsExactly("back-a", "back-b");
        assertThat(status.backs()).allSatisfy(back -> assertThat(back.networks())
                .extracting(BackReport.LinkReport::network, BackReport.LinkReport::state)
                .containsExactly(tuple("cardnet-a", "signed_on"), tuple("cardnet-b", "signed_on")));
        assertThat(echoed.silentBacks()).isEmpty();
        assertThat(echoed.backs()).extracting(BackReport::back).containsExactly("back-a", "back-b");
        assertThat(echoed.backs()).extracting(back -> back.action().outcome()).containsOnly("approved");
    }

    @Test
    @Order(2)
    void orderOfABackUnitKilledMidOrderIsDecidedOnceByTheOther() throws Exception {
        long availableBeforeMinor = simulator.account(CARD_PAN).orElseThrow().availableMinor();
        List<String> decidedByB = new ArrayList<>();
        PendingReply inFlightAtA = null;
        for (int attempt = 1; attempt <= ORDERS_MAX && inFlightAtA == null; attempt++) {
            PendingReply reply = send(order());
            if (swallowingNetwork.awaitRequest(reply.ticketId(), reply)) {
                inFlightAtA = reply;
            } else {
                decidedByB.add(reply.ticketId());
            }
        }
        assertThat(inFlightAtA).as("an order reached back unit a within %d orders", ORDERS_MAX).isNotNull();

        backA.kill();

        Decision decision = inFlightAtA.await(REPLY_WAIT).orElseThrow(
                () -> new AssertionError("back unit b never answered the order back unit a died with"));
        assertThat(decision.ticketId()).isEqualTo(inFlightAtA.ticketId());
        assertThat(decision.outcome()).as("the request a sent was never answered: nobody may call it approved")
                .isNotEqualTo(Decision.Outcome.APPROVED);
        assertThat(inFlightAtA.await(DUPLICATE_REPLY_WAIT)).as("one reply per order").isEmpty();

        JdbcClient sql = JdbcClient.create(database);
        String ticket = inFlightAtA.ticketId();
        assertThat(sql.sql("select count(*) from ledger.register_entry where ticket_id = ?").param(ticket)
                .query(Long.class).single()).isEqualTo(1);
        await().atMost(REVERSAL_WAIT).untilAsserted(() -> assertThat(
                sql.sql("select status from saf.reversal where ticket_id = ?").param(ticket).query(String.class).list())
                .as("the reversal a held, sent by b").containsExactly("ACKNOWLEDGED"));
        assertThat(sql.sql("select status from ledger.register_entry where ticket_id = ?").param(ticket)
                .query(String.class).single()).isEqualTo("REVERSED");
        assertThat(swallowingNetwork.financialRequests()).as("sent to the network once, by a").isEqualTo(1);

        for (String ticketDecidedByB : decidedByB) {
            assertThat(sql.sql("select status from ledger.register_entry where ticket_id = ?").param(ticketDecidedByB)
                    .query(String.class).single()).isEqualTo("APPROVED");
        }
        assertThat(simulator.account(CARD_PAN).orElseThrow().availableMinor())
                .as("the issuer booked each order b decided once, and nothing for the swallowed one")
                .isEqualTo(availableBeforeMinor - CARD_AMOUNT_MINOR * decidedByB.size());
        assertThat(messagesOn(DEAD_LETTER_QUEUE)).isZero();
        assertThat(messagesOn(PAYMENT_QUEUE)).isZero();
    }

    private static PaymentOrder order() {
        return new PaymentOrder("tkt-cluster-" + UUID.randomUUID(), MERCHANT, CUSTOMER, "order-" + UUID.randomUUID(),
                CARD_AMOUNT_MINOR, CARD_AMOUNT_MINOR / 6, CURRENCY, "S-1", List.of(), Instant.now(),
                Instant.now().plus(ORDER_LIFE));
    }

    /** The order as the front unit hands it over: persistent, with a reply queue of its own. */
    private static PendingReply send(PaymentOrder order) throws JMSException {
        Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue replies = session.createTemporaryQueue();
        MessageProducer producer = session.createProducer(session.createQueue(PAYMENT_QUEUE));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        TextMessage message = session.createTextMessage(CODEC.encodeOrder(order));
        message.setJMSReplyTo(replies);
        message.setJMSCorrelationID(order.ticketId());
        producer.send(message);
        return new PendingReply(order.ticketId(), session, session.createConsumer(replies));
    }

    private static long messagesOn(String queue) {
        var found = broker.getActiveMQServer().locateQueue(queue);
        return found == null ? 0 : found.getMessageCount();
    }

    private static void enrollMerchantAndCustomer(String vaultKey) {
        new MerchantRecords(database).create(new NewMerchant(MERCHANT, "Cluster Shop", "5814",
                new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "CLUSTER1", "CLUSTERSHOP0001",
                "Cluster Shop             Berlin       DE", CURRENCY));
        new CustomerRecords(database).create(new NewCustomer(CUSTOMER, "Cluster Customer", CURRENCY, 100_000));
        new CardVault(database, VaultKeys.fromBase64(Map.of("k1", vaultKey), "k1"))
                .enroll(CUSTOMER, CARD_PAN.toCharArray(), YearMonth.of(2049, 12));
    }

    private static String randomVaultKey() {
        byte[] key = new byte[VaultKeys.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The reply to one order, read from its own reply queue. */
    private record PendingReply(String ticketId, Session session, MessageConsumer consumer) {

        Optional<Decision> await(Duration wait) throws JMSException {
            TextMessage reply = (TextMessage) consumer.receive(wait.toMillis());
            return reply == null ? Optional.empty() : Optional.of(CODEC.decodeDecision(reply.getText()));
        }
    }

    /**
     * A back unit in a JVM of its own, started from this test's classpath with the profiles an operator uses; its
     * only listener is the management port, for health.
     */
    private static final class BackUnitProcess implements AutoCloseable {

        private final String name;
        private final Process process;
        private final int managementPort;

        private BackUnitProcess(String name, Process process, int managementPort) {
            this.name = name;
            this.process = process;
            this.managementPort = managementPort;
        }

        static BackUnitProcess start(String name, Path workDirectory, String jdbcUrl, String brokerUrl,
                                     String vaultKey, int cardnetAPort, int cardnetBPort, long cardnetBTimeoutMs)
                throws IOException {
            int managementPort = TestPorts.free();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = List.of(java, "--sun-misc-unsafe-memory-access=allow", "-Xmx320m",
                    "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    GatewayApplication.class.getName(),
                    "--spring.profiles.active=external,back",
                    "--paygate.config-directory=" + CONFIG,
                    "--spring.config.additional-location=optional:file:" + CONFIG + "/",
                    "--paygate.data-directory=" + workDirectory.resolve("back-" + name),
                    "--paygate.network-desk.back-name=back-" + name,
                    "--spring.datasource.url=" + jdbcUrl,
                    "--spring.datasource.username=postgres",
                    "--spring.artemis.broker-url=" + brokerUrl,
                    "--paygate.vault.keys.k1=" + vaultKey,
                    "--paygate.vault.active-key-id=k1",
                    "--paygate.card.networks.cardnet-a.port=" + cardnetAPort,
                    "--paygate.card.networks.cardnet-b.port=" + cardnetBPort,
                    "--paygate.card.networks.cardnet-a.mac.key-hex=" + SimulatorConfig.DEMO_MAC_KEY_HEX,
                    "--paygate.card.networks.cardnet-b.timeout-ms=" + cardnetBTimeoutMs,
                    "--paygate.card.networks.cardnet-b.reconnect-delay-ms=500",
                    "--paygate.handover.back-consumers=2",
                    "--paygate.reversal.poll-interval-ms=500",
                    "--paygate.reversal.retry-delay-ms=500",
                    "--spring.main.web-application-type=servlet",
                    "--server.port=-1",
                    "--management.server.port=" + managementPort,
                    "--management.server.address=127.0.0.1");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(workDirectory.resolve("back-" + name + ".log").toFile())
                    .start();
            return new BackUnitProcess(name, process, managementPort);
        }

        void awaitHealthy(Duration wait) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/actuator/health")).build();
            await("back unit " + name + " healthy").atMost(wait).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(process.isAlive()).as("back unit %s is running", name).isTrue();
                try {
                    return http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        }

        /** SIGKILL: no shutdown hook, no rollback, no goodbye to the broker or the database. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /**
     * A card network link that accepts cardnet-b's frames (4-digit ASCII length, ISO 8583 ASCII), answers its 0800s
     * (a back unit sends no payment before its sign-on is accepted) and no payment, so the back unit that sent one
     * is still waiting when it is killed. Counts the financial requests it got.
     */
    private static final class SwallowingNetwork implements AutoCloseable {

        private static final int LENGTH_DIGITS = 4;
        private static final String FINANCIAL_REQUEST_MTI = "0200";
        private static final String NETWORK_MANAGEMENT_MTI = "0800";
        private static final MessageCodec ASCII = new MessageCodec(PackagerDefinition.ISO87_ASCII);

        private final ServerSocket server;
        private final CountDownLatch connected = new CountDownLatch(1);
        private final AtomicInteger financialRequests = new AtomicInteger();
        private final Thread acceptor;

        private SwallowingNetwork(ServerSocket server) {
            this.server = server;
            this.acceptor = Thread.ofVirtual().start(this::accept);
        }

        static SwallowingNetwork start() throws IOException {
            return new SwallowingNetwork(new ServerSocket(0, 10, InetAddress.getLoopbackAddress()));
        }

        int port() {
            return server.getLocalPort();
        }

        void awaitConnection(Duration wait) throws InterruptedException {
            assertThat(connected.await(wait.toMillis(), TimeUnit.MILLISECONDS)).as("a linked to cardnet-b").isTrue();
        }

        /**
         * @return true once the order's request arrived here (back unit "a" has it), false when back unit "b"
         *         answered it first
         */
        boolean awaitRequest(String ticketId, PendingReply reply) throws Exception {
            int seen = financialRequests.get();
            Instant deadline = Instant.now().plus(REPLY_WAIT);
            while (Instant.now().isBefore(deadline)) {
                if (financialRequests.get() > seen) {
                    return true;
                }
                if (reply.await(Duration.ofMillis(100)).isPresent()) {
                    return false;
                }
            }
            throw new AssertionError("order " + ticketId + " was neither sent here nor answered");
        }

        int financialRequests() {
            return financialRequests.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connected.countDown();
                    Thread.ofVirtual().start(() -> swallow(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void swallow(Socket socket) {
            try (socket; DataInputStream in = new DataInputStream(socket.getInputStream())) {
                OutputStream out = socket.getOutputStream();
                while (true) {
                    byte[] length = in.readNBytes(LENGTH_DIGITS);
                    if (length.length < LENGTH_DIGITS) {
                        return;
                    }
                    byte[] frame = in.readNBytes(Integer.parseInt(new String(length, StandardCharsets.US_ASCII)));
                    String mti = new String(frame, 0, Math.min(LENGTH_DIGITS, frame.length), StandardCharsets.US_ASCII);
                    if (mti.equals(FINANCIAL_REQUEST_MTI)) {
                        financialRequests.incrementAndGet();
                    } else if (mti.equals(NETWORK_MANAGEMENT_MTI)) {
                        byte[] answer = ASCII.pack(NetworkManagementResponse.answering(
                                NetworkManagementRequest.fromIsoMsg(ASCII.unpack(frame)), ResponseCode.APPROVED).toIsoMsg());
                        out.write("%04d".formatted(answer.length).getBytes(StandardCharsets.US_ASCII));
                        out.write(answer);
                        out.flush();
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // The sender died or spoke nonsense: nothing more to swallow from it.
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            server.close();
            acceptor.join(Duration.ofSeconds(5));
        }
    }
}
