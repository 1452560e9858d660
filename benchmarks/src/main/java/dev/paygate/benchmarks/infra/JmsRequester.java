package dev.paygate.benchmarks.infra;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * One requester of a request/reply exchange, as the front unit's hand-over does it: a persistent request with
 * a reply-to queue and a correlation id, then a bounded wait for the answer. One per thread.
 */
public final class JmsRequester implements AutoCloseable {

    private final Session session;
    private final MessageProducer producer;
    private final TemporaryQueue replyQueue;
    private final MessageConsumer replies;

    public JmsRequester(Connection connection, String queue) throws JMSException {
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.producer = session.createProducer(session.createQueue(queue));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        this.replyQueue = session.createTemporaryQueue();
        this.replies = session.createConsumer(replyQueue);
    }

    /** The reply's text; fails when none comes within the timeout. */
    public String request(String body, String correlationId, long replyTimeoutMs) throws JMSException {
        TextMessage request = session.createTextMessage(body);
        request.setJMSCorrelationID(correlationId);
        request.setJMSReplyTo(replyQueue);
        producer.send(request);
        Message reply = replies.receive(replyTimeoutMs);
        if (reply == null) {
            throw new IllegalStateException("no reply within " + replyTimeoutMs + " ms");
        }
        return ((TextMessage) reply).getText();
    }

    @Override
    public void close() throws JMSException {
        session.close();
    }

    /** One requester per worker of a load run, closed together. */
    public static final class PerWorker implements AutoCloseable {
        private final List<JmsRequester> requesters = new ArrayList<>();

        public PerWorker(Connection connection, String queue, int workers) throws JMSException {
            for (int worker = 0; worker < workers; worker++) {
                requesters.add(new JmsRequester(connection, queue));
            }
        }

        public JmsRequester of(int worker) {
            return requesters.get(worker);
        }

        @Override
        public void close() throws JMSException {
            for (JmsRequester requester : requesters) {
                requester.close();
            }
        }
    }
}
