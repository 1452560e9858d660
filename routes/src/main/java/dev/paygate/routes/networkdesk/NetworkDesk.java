package dev.paygate.routes.networkdesk;

import dev.paygate.routes.FrontUnit;
import dev.paygate.routes.order.JsonMessages;
import dev.paygate.routes.order.MalformedMessageException;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The operators' view of, and hand on, the card network links of every back unit. The back units own the links,
 * and there may be several, so a command goes out once on a topic and each back unit answers on this call's
 * temporary queue. Nobody keeps a list of the back units: a status collects every answer that comes within
 * {@code discovery-wait-ms}; an action first asks for a status to learn who is there, then waits (up to
 * {@code action-wait-ms}) until each of those has reported what the action did on its own link. Plain JMS rather
 * than a Camel route: Camel's request/reply takes the first answer only.
 */
@Component
@FrontUnit
public class NetworkDesk {

    /** The JMS property a back unit's selector reads: a back unit's name, or {@link #EVERY_BACK}. */
    public static final String BACK_PROPERTY = "paygateBack";
    public static final String EVERY_BACK = "*";

    private static final Logger log = LoggerFactory.getLogger(NetworkDesk.class);

    private final JmsTemplate jms;
    private final NetworkDeskProperties properties;
    private final Clock clock;
    private final JsonMessages json = new JsonMessages();

    public NetworkDesk(JmsTemplate jms, NetworkDeskProperties properties, Clock clock) {
        this.jms = jms;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Every back unit's links as they answer now.
     *
     * @param silentBacks back units expected and not heard from in time (an action's only)
     */
    public record DeskAnswer(Instant askedAt, List<BackReport> backs, List<String> silentBacks) {
    }

    public DeskAnswer status() {
        Instant askedAt = clock.instant();
        return new DeskAnswer(askedAt, gather(command(NetworkCommand.Action.STATUS, null, null, null), null,
                properties.discoveryWaitMs()), List.of());
    }

    /**
     * Has {@code action} done on {@code network} by one back unit ({@code back}) or by every one (null), and
     * reports each one's links and result.
     */
    public DeskAnswer act(NetworkCommand.Action action, String network, String back, String operator) {
        Instant askedAt = clock.instant();
        Set<String> expected = new HashSet<>();
        if (back != null) {
            expected.add(back);
        } else {
            status().backs().forEach(report -> expected.add(report.back()));
        }
        List<BackReport> reports = expected.isEmpty() ? List.of()
                : gather(command(action, network, back, operator), expected, properties.actionWaitMs());
        List<String> silent = new ArrayList<>(expected);
        reports.forEach(report -> silent.remove(report.back()));
        silent.sort(Comparator.naturalOrder());
        if (!silent.isEmpty()) {
            log.warn("{} of {} by operator {}: no report from back unit(s) {} within {} ms", action, network,
                    operator, silent, properties.actionWaitMs());
        }
        return new DeskAnswer(askedAt, reports, List.copyOf(silent));
    }

    private static NetworkCommand command(NetworkCommand.Action action, String network, String back, String operator) {
        return new NetworkCommand(UUID.randomUUID().toString(), action, network, back, operator);
    }

    /** Sends {@code command} and collects answers until {@code expected} (all if null) have answered or time is up. */
    private List<BackReport> gather(NetworkCommand command, Set<String> expected, long waitMs) {
        List<BackReport> reports = jms.execute(session -> {
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageConsumer consumer = session.createConsumer(replies);
            try {
                send(session, command, replies, waitMs);
                return receive(consumer, expected, waitMs);
            } finally {
                consumer.close();
                replies.delete();
            }
        }, true);
        return reports == null ? List.of() : reports.stream().sorted(Comparator.comparing(BackReport::back)).toList();
    }

    private void send(Session session, NetworkCommand command, TemporaryQueue replies, long waitMs)
            throws jakarta.jms.JMSException {
        MessageProducer producer = session.createProducer(session.createTopic(properties.topic()));
        try {
            TextMessage message = session.createTextMessage(json.write(command));
            message.setStringProperty(BACK_PROPERTY, command.back() == null ? EVERY_BACK : command.back());
            message.setJMSReplyTo(replies);
            message.setJMSCorrelationID(command.id());
            // Nobody waits for it after this call: a back unit that comes later must not act on it.
            producer.send(message, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY, waitMs);
        } finally {
            producer.close();
        }
    }

    private List<BackReport> receive(MessageConsumer consumer, Set<String> expected, long waitMs)
            throws jakarta.jms.JMSException {
        List<BackReport> reports = new ArrayList<>();
        Set<String> missing = expected == null ? null : new HashSet<>(expected);
        long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        while (missing == null || !missing.isEmpty()) {
            long leftMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            Message reply = leftMs <= 0 ? null : consumer.receive(leftMs);
            if (reply == null) {
                break;
            }
            if (reply instanceof TextMessage text) {
                try {
                    BackReport report = json.read(text.getText(), BackReport.class);
                    reports.add(report);
                    if (missing != null) {
                        missing.remove(report.back());
                    }
                } catch (MalformedMessageException malformed) {
                    log.warn("A network desk answer could not be read: {}", malformed.getMessage());
                }
            }
        }
        return reports;
    }
}
