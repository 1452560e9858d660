package dev.paygate.benchmarks.raw;

import dev.paygate.benchmarks.infra.JmsRequester;
import dev.paygate.benchmarks.load.ClosedLoop;
import dev.paygate.benchmarks.load.Measurement;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Persistent JMS request/reply through the broker, as the hand-over uses it: a persistent request, answered
 * by transacted consumers (as many as the back unit runs) with a persistent reply, no work in between.
 */
public final class BrokerLimit implements AutoCloseable {

    private static final String QUEUE = "paygate.bench.request";
    private static final long REPLY_TIMEOUT_MS = 20_000;
    private static final String ORDER_SIZED_BODY = "x".repeat(600);

    private final ClosedLoop loop;
    private final Connection connection;
    private final List<Session> responders = new ArrayList<>();

    public BrokerLimit(ClosedLoop loop, String brokerUrl, int responderCount) throws Exception {
        this.loop = loop;
        this.connection = new ActiveMQConnectionFactory(brokerUrl).createConnection();
        for (int responder = 0; responder < responderCount; responder++) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer replies = session.createProducer(null);
            replies.setDeliveryMode(DeliveryMode.PERSISTENT);
            session.createConsumer(session.createQueue(QUEUE)).setMessageListener(request -> answer(session, replies, request));
            responders.add(session);
        }
        connection.start();
    }

    private static void answer(Session session, MessageProducer replies, Message request) {
        try {
            TextMessage reply = session.createTextMessage(((TextMessage) request).getText());
            reply.setJMSCorrelationID(request.getJMSCorrelationID());
            replies.send(request.getJMSReplyTo(), reply);
            session.commit();
        } catch (Exception failure) {
            throw new IllegalStateException("bench responder failed", failure);
        }
    }

    public Measurement requestReply(int inFlight) throws Exception {
        try (JmsRequester.PerWorker requesters = new JmsRequester.PerWorker(connection, QUEUE, inFlight)) {
            return loop.run(inFlight, (worker, sequence) -> requesters.of(worker).request(
                    ORDER_SIZED_BODY, Long.toString(sequence), REPLY_TIMEOUT_MS));
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
