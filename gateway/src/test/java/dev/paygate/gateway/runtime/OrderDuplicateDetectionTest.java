package dev.paygate.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.routes.errors.GatewayErrors;
import dev.paygate.routes.front.FrontPaymentRoutes;
import dev.paygate.routes.front.JmsPaymentHandover;
import dev.paygate.routes.order.HandoverProperties;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentOrder;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.ha.PrimaryOnlyPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16: every send of an order carries a duplicate id of its own. On a real broker, set up as Paygate sets
 * its brokers up (the external pair's {@code config/artemis/broker.xml}, or the embedded broker's settings), a
 * second send with the same id (what an Artemis client resends after a failover) is dropped, while the front's
 * deliberate resend of the order (a new send) is taken, also when the first copy ended in the dead-letter queue.
 */
class OrderDuplicateDetectionTest {

    private static final Path CONFIG = Path.of("..", "config").toAbsolutePath().normalize();
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** What {@code artemis run} gets through the instance's profile (docs/deployment.md), for broker.xml. */
    private static final List<String> BROKER_PROPERTIES = List.of("artemis.instance", "paygate.broker.name",
            "paygate.broker.host", "paygate.broker.port", "paygate.broker.peer-port", "paygate.cluster.password");
    private static final HandoverProperties HANDOVER = new HandoverProperties(500, "paygate.payment.request",
            "paygate.payment.lookup", "paygate.payment.dead-letter", 1, 500, 5_000, 60_000, 100);

    @TempDir
    Path directory;

    private EmbeddedActiveMQ broker;
    private DefaultCamelContext camel;
    private Connection connection;

    @AfterEach
    void stop() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (camel != null) {
            camel.close();
        }
        if (broker != null) {
            broker.stop();
        }
        BROKER_PROPERTIES.forEach(System::clearProperty);
    }

    @ParameterizedTest
    @ValueSource(strings = {"external", "embedded"})
    void aClientsResendOfOneSendIsDroppedWhileEveryResendOfTheOrderIsTaken(String brokerSetUp) throws Exception {
        JmsPaymentHandover front = frontOn(start(brokerSetUp));
        PaymentOrder order = order();

        front.resend(order);
        front.resend(order);
        List<Message> queued = browse(HANDOVER.paymentQueue());
        assertThat(queued).hasSize(2);
        List<String> duplicateIds = queued.stream().map(OrderDuplicateDetectionTest::duplicateIdOf).toList();
        assertThat(duplicateIds).doesNotContainNull().doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).startsWith(order.ticketId() + ":"));

        // What the client's resend cache sends again after a failover: the same send, with its id.
        sendCopy(queued.getFirst(), HANDOVER.paymentQueue());
        assertThat(browse(HANDOVER.paymentQueue())).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"external", "embedded"})
    void aResendOfAnOrderWhoseFirstCopyEndedInTheDeadLetterQueueIsTaken(String brokerSetUp) throws Exception {
        JmsPaymentHandover front = frontOn(start(brokerSetUp));
        PaymentOrder order = order();
        front.resend(order);

        // A back unit fails on it: the original message, duplicate id included, is parked on the dead-letter queue.
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue(HANDOVER.paymentQueue()));
        connection.start();
        Message failed = consumer.receive(5_000);
        assertThat(failed).isNotNull();
        MessageProducer deadLetters = session.createProducer(session.createQueue(HANDOVER.deadLetterQueue()));
        deadLetters.send(copyOf(session, failed));
        session.commit();
        consumer.close();
        assertThat(browse(HANDOVER.paymentQueue())).isEmpty();
        assertThat(browse(HANDOVER.deadLetterQueue())).hasSize(1);

        // Recovery hands the order over again: a new send, taken although the first copy's id is known.
        front.resend(order);
        List<Message> queued = browse(HANDOVER.paymentQueue());
        assertThat(queued).hasSize(1);
        assertThat(((TextMessage) queued.getFirst()).getText()).isEqualTo(((TextMessage) failed).getText());
        assertThat(duplicateIdOf(queued.getFirst())).isNotEqualTo(duplicateIdOf(failed));
    }

    /** @return the broker's TCP URL */
    private String start(String brokerSetUp) throws Exception {
        String url = StandaloneBroker.freeUrl();
        Configuration configuration = brokerSetUp.equals("external") ? externalPairConfiguration(url) : embeddedConfiguration();
        configuration.setName("duplicate-detection-" + brokerSetUp);
        configuration.setSecurityEnabled(false);
        configuration.setJournalDirectory(directory.resolve("journal").toString());
        configuration.setBindingsDirectory(directory.resolve("bindings").toString());
        configuration.setPagingDirectory(directory.resolve("paging").toString());
        configuration.setLargeMessagesDirectory(directory.resolve("large-messages").toString());
        configuration.getAcceptorConfigurations().clear();
        configuration.addAcceptorConfiguration("tcp", url);
        broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        broker.setSecurityManager(new ActiveMQJAASSecurityManager());
        broker.start();
        return url;
    }

    /**
     * The external pair's {@code broker.xml} as {@code artemis run} reads it (its address settings, duplicate-id cache
     * and journal), as one broker: no replication partner, no cluster connection to one.
     */
    private Configuration externalPairConfiguration(String url) throws Exception {
        Path etc = Files.createDirectories(directory.resolve("instance/etc"));
        for (String file : List.of("broker.xml", "paygate-address-settings.xml")) {
            Files.copy(CONFIG.resolve("artemis").resolve(file), etc.resolve(file));
        }
        Files.copy(CONFIG.resolve("artemis/ha-policy-primary.xml"), etc.resolve("ha-policy.xml"));
        int port = Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
        System.setProperty("artemis.instance", etc.getParent().toString());
        System.setProperty("paygate.broker.name", "duplicate-detection");
        System.setProperty("paygate.broker.host", "127.0.0.1");
        System.setProperty("paygate.broker.port", Integer.toString(port));
        System.setProperty("paygate.broker.peer-port", Integer.toString(TestPorts.free()));
        System.setProperty("paygate.cluster.password", UUID.randomUUID().toString());
        FileConfiguration configuration = new FileConfiguration();
        FileDeploymentManager deployment = new FileDeploymentManager(etc.resolve("broker.xml").toUri().toString());
        deployment.addDeployable(configuration);
        deployment.readConfiguration();
        assertThat(configuration.getAddressSettings()).containsKey(HANDOVER.paymentQueue());
        configuration.setHAPolicyConfiguration(new PrimaryOnlyPolicyConfiguration());
        configuration.setClusterConfigurations(new ArrayList<>());
        return configuration;
    }

    /** The embedded default's broker: Spring Boot's configuration with Paygate's customizer applied. */
    private static Configuration embeddedConfiguration() {
        Configuration configuration = new ConfigurationImpl().setPersistenceEnabled(true);
        EmbeddedBrokerConfiguration.BrokerPolicy defaults = new EmbeddedBrokerConfiguration.BrokerPolicy(
                "paygate.payment.dead-letter", 10, 500, 30_000, 100_000, 50_000);
        new EmbeddedBrokerConfiguration().paygateAddressSettings(defaults, HANDOVER).customize(configuration);
        return configuration;
    }

    private JmsPaymentHandover frontOn(String url) throws Exception {
        ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory(url);
        connection = connectionFactory.createConnection();
        camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsComponent.jmsComponent(connectionFactory));
        Properties settings = new Properties();
        settings.setProperty("paygate.handover.payment-queue", HANDOVER.paymentQueue());
        settings.setProperty("paygate.handover.reply-timeout-ms", Long.toString(HANDOVER.replyTimeoutMs()));
        settings.setProperty("paygate.handover.lookup-queue", HANDOVER.lookupQueue());
        settings.setProperty("paygate.handover.lookup-timeout-ms", Long.toString(HANDOVER.lookupTimeoutMs()));
        settings.setProperty("paygate.handover.dead-letter-queue", HANDOVER.deadLetterQueue());
        camel.getPropertiesComponent().setInitialProperties(settings);
        camel.addRoutesConfigurations(new GatewayErrors());
        camel.addRoutes(new FrontPaymentRoutes());
        camel.start();
        OrderCodec codec = new OrderCodec();
        return new JmsPaymentHandover(camel.createProducerTemplate(), codec, Clock.systemUTC());
    }

    private List<Message> browse(String queueName) throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            Queue queue = session.createQueue(queueName);
            QueueBrowser browser = session.createBrowser(queue);
            return Collections.list(browser.getEnumeration()).stream().map(Message.class::cast).toList();
        }
    }

    private void sendCopy(Message original, String queueName) throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(queueName));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(copyOf(session, original));
        }
    }

    private static Message copyOf(Session session, Message original) throws Exception {
        TextMessage copy = session.createTextMessage(((TextMessage) original).getText());
        copy.setStringProperty(DUPLICATE_ID, duplicateIdOf(original));
        return copy;
    }

    private static String duplicateIdOf(Message message) {
        try {
            return message.getStringProperty(DUPLICATE_ID);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PaymentOrder order() {
        return new PaymentOrder("tkt-dup-" + UUID.randomUUID(), "dup-shop", "dup-customer", "order-1", 1_000, 166,
                "EUR", "R-1", List.of(), Instant.now(), Instant.now().plusSeconds(600));
    }
}
