package dev.paygate.routes.front;

import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.HandoverProperties;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentOrder;
import java.time.Clock;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.builder.RouteBuilder;
import dev.paygate.routes.FrontUnit;
import org.springframework.stereotype.Component;

/** DESIGN.md step 5, front side: the authenticated order goes to the back unit and the front waits. */
@Component
@FrontUnit
public class FrontPaymentRoutes extends RouteBuilder {

    static final String HANDOVER = "direct:front.payment.handover";
    static final String LOOKUP = "direct:front.payment.lookup";
    static final String RESEND = "direct:front.payment.resend";
    static final String TICKET_ID = "paygateTicketId";
    /**
     * Artemis drops a message whose duplicate id it has seen on the address. Each send gets its own: the copy a
     * client resends after a failover (same send, same id) is dropped, while recovery's deliberate resend of an
     * order (a new send) goes through, also when the first copy ended in the dead-letter queue.
     */
    static final String DUPLICATE_ID = Message.HDR_DUPLICATE_DETECTION_ID.toString();

    private final OrderCodec codec;
    private final Clock clock;
    private final HandoverProperties handover;

    public FrontPaymentRoutes(OrderCodec codec, Clock clock, HandoverProperties handover) {
        this.codec = codec;
        this.clock = clock;
        this.handover = handover;
    }

    @Override
    public void configure() {
        from(HANDOVER)
                .routeId("front.payment.handover")
                // No answer in time is an honest "pending": the back unit records the outcome all the same.
                .onException(ExchangeTimedOutException.class)
                    .handled(true)
                    .log("Back unit did not answer ticket ${header." + TICKET_ID + "} in " + handover.replyTimeoutMs() + " ms: pending")
                    .process(exchange -> exchange.getMessage().setBody(
                            Decision.pending(exchange.getMessage().getHeader(TICKET_ID, String.class), clock.instant())))
                .end()
                .process(this::encodeOrder)
                // The front's wait is not the order's life: without disableTimeToLive Camel gives the request a
                // time-to-live of requestTimeout and the broker drops an order still queued when the wait ends.
                .to(ExchangePattern.InOut, "jms:queue:" + handover.paymentQueue()
                        + "?requestTimeout=" + handover.replyTimeoutMs() + "&deliveryPersistent=true&disableTimeToLive=true")
                .process(exchange -> exchange.getMessage().setBody(
                        codec.decodeDecision(exchange.getMessage().getMandatoryBody(String.class))));

        // Recovery hands an undecided order over again and does not wait: the back unit decides a ticket once,
        // however often it arrives, and the decision is found by a lookup.
        from(RESEND)
                .routeId("front.payment.resend")
                .process(this::encodeOrder)
                .to(ExchangePattern.InOnly, "jms:queue:" + handover.paymentQueue() + "?deliveryPersistent=true");

        // No answer in time is not "unknown": the timeout reaches the caller, who must not take it for a decision.
        from(LOOKUP)
                .routeId("front.payment.lookup")
                .to(ExchangePattern.InOut, "jms:queue:" + handover.lookupQueue()
                        + "?requestTimeout=" + handover.lookupTimeoutMs() + "&deliveryPersistent=false");
    }

    /** The order as JSON, with its ticket id for the logs and a duplicate id of this send. */
    private void encodeOrder(Exchange exchange) throws Exception {
        PaymentOrder order = exchange.getMessage().getMandatoryBody(PaymentOrder.class);
        exchange.getMessage().setHeader(TICKET_ID, order.ticketId());
        exchange.getMessage().setHeader(DUPLICATE_ID, order.ticketId() + ":" + UUID.randomUUID());
        exchange.getMessage().setBody(codec.encodeOrder(order));
    }
}
