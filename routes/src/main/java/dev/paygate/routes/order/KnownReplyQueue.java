package dev.paygate.routes.order;

import dev.paygate.routes.BackUnit;
import jakarta.jms.Destination;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Spares each reply two blocking round trips to the broker. Artemis asks the broker whether a destination exists
 * (an address query, then a queue query) before the first send through each {@link Destination} object, and every
 * request brings a new object for its reply-to queue, so every reply asked twice about a queue the requester made
 * and is waiting on. A queue gone meanwhile (its requester died) takes the reply to no queue and the broker drops
 * it, where the check would have made a queue for it that nobody reads; the front finds the decision by lookup.
 */
@Component
@BackUnit
public class KnownReplyQueue {

    /** Marks the request's reply-to destination as checked, when there is one and it is an Artemis one. */
    public void mark(@Header("JMSReplyTo") Destination replyTo) {
        if (replyTo instanceof ActiveMQDestination artemis) {
            artemis.setCreated(true);
        }
    }
}
