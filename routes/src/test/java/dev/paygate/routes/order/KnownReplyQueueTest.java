package dev.paygate.routes.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;

import jakarta.jms.Destination;
import org.apache.activemq.artemis.jms.client.ActiveMQDestination;
import org.apache.activemq.artemis.jms.client.ActiveMQTemporaryQueue;
import org.junit.jupiter.api.Test;

class KnownReplyQueueTest {

    private final KnownReplyQueue replyQueue = new KnownReplyQueue();

    @Test
    void marksAnArtemisReplyToQueueAsCheckedSoTheReplyAsksTheBrokerNothing() {
        ActiveMQDestination replyTo = ActiveMQDestination.fromPrefixedName(
                ActiveMQDestination.TEMP_QUEUE_QUALIFED_PREFIX + "6b2e0d8a-reply");
        assertThat(replyTo).isInstanceOf(ActiveMQTemporaryQueue.class);
        assertThat(replyTo.isCreated()).isFalse();

        replyQueue.mark(replyTo);

        assertThat(replyTo.isCreated()).isTrue();
    }

    @Test
    void leavesARequestWithoutReplyToOrFromAnotherProviderAlone() {
        assertThatCode(() -> replyQueue.mark(null)).doesNotThrowAnyException();
        assertThatCode(() -> replyQueue.mark(mock(Destination.class))).doesNotThrowAnyException();
    }
}
