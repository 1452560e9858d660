package dev.paygate.faults;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.time.Instant;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * JMS redelivery on the cluster's broker: an order redelivered by the broker after a back unit decided it must
 * settle once. The run takes one order off the request queue in a transaction (a consumer of higher priority,
 * selecting that ticket only, so the broker hands it this order before any back unit), lets a back unit decide a
 * copy of it (same body, reply address and correlation, as a back unit that decided and died before its
 * acknowledgement would leave it), and then rolls its transaction back: the broker delivers the original again,
 * flagged redelivered, to a back unit, which must answer the decision already made and move no money again.
 */
final class Redelivery implements AutoCloseable {

    static final String INJECTED = "JMS redelivery of a decided order";
    private static final String PAYMENT_QUEUE = "paygate.payment.request";
    private static final String TICKET_ID = "paygateTicketId";
    /** Set on the copy, so the run's own consumer does not take it back. */
    private static final String COPY_MARK = "paygateFaultsCopy";
    private static final int CONSUMER_PRIORITY = 100;
    private static final Duration ORDER_WAIT = Duration.ofSeconds(60);
    private static final Duration DECISION_WAIT = Duration.ofSeconds(60);
    private static final Duration REDELIVERY_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Connection connection;

    Redelivery(String brokerUrl, String user, String password) throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        connection = factory.createConnection(user, password);
        connection.start();
    }

    /** The order of this ticket, when it comes, is held by the run; call before the customer confirms. */
    Interception intercept(String ticketId) throws JMSException {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(
                session.createQueue(PAYMENT_QUEUE + "?consumer-priority=" + CONSUMER_PRIORITY),
                TICKET_ID + " = '" + ticketId.replace("'", "''") + "' AND " + COPY_MARK + " IS NULL");
        return new Interception(connection, ticketId, session, consumer);
    }

    /**
     * One order held in the run's transaction until {@link #decideCopyThenRedeliver} lets it go.
     *
     * @param connection the run's connection, for the copy and the queue browser
     * @param session the transaction that holds the order
     */
    record Interception(Connection connection, String ticketId, Session session, MessageConsumer consumer) {

        /**
         * Waits for the order, has a back unit decide a copy, and lets the broker redeliver the original.
         *
         * @return what happened, for the log; an empty string when the order never came (nothing injected)
         */
        String decideCopyThenRedeliver(Database database) throws Exception {
            try {
                Message order = consumer.receive(ORDER_WAIT.toMillis());
                if (!(order instanceof TextMessage text)) {
                    return "";
                }
                sendCopy(text);
                Instant deadline = Instant.now().plus(DECISION_WAIT);
                while (!decided(database) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(POLL_INTERVAL);
                }
                boolean decidedBefore = decided(database);
                consumer.close();
                session.rollback();
                boolean redelivered = awaitGone();
                return "order of " + ticketId + (decidedBefore ? " decided" : " not yet decided") + " from its copy, original "
                        + (redelivered ? "redelivered and taken" : "still queued after " + REDELIVERY_WAIT.toSeconds() + " s");
            } finally {
                session.close();
            }
        }

        private void sendCopy(TextMessage order) throws JMSException {
            try (Session copies = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                TextMessage copy = copies.createTextMessage(order.getText());
                copy.setJMSCorrelationID(order.getJMSCorrelationID());
                Destination replyTo = order.getJMSReplyTo();
                copy.setJMSReplyTo(replyTo);
                copy.setStringProperty(TICKET_ID, ticketId);
                copy.setBooleanProperty(COPY_MARK, true);
                MessageProducer producer = copies.createProducer(copies.createQueue(PAYMENT_QUEUE));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.send(copy);
            }
        }

        private boolean decided(Database database) throws Exception {
            return database.register().stream()
                    .anyMatch(entry -> entry.ticketId().equals(ticketId) && !entry.status().equals("PENDING"));
        }

        /** True once no message of this ticket is queued any more: a back unit took the redelivered original. */
        private boolean awaitGone() throws Exception {
            Instant deadline = Instant.now().plus(REDELIVERY_WAIT);
            try (Session browsing = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                while (Instant.now().isBefore(deadline)) {
                    QueueBrowser browser = browsing.createBrowser(browsing.createQueue(PAYMENT_QUEUE),
                            TICKET_ID + " = '" + ticketId.replace("'", "''") + "'");
                    boolean queued = browser.getEnumeration().hasMoreElements();
                    browser.close();
                    if (!queued) {
                        return true;
                    }
                    Thread.sleep(POLL_INTERVAL);
                }
            }
            return false;
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
