package dev.paygate.routes.front;

import dev.paygate.routes.FrontUnit;
import dev.paygate.routes.errors.GatewayErrors;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * docs/architecture.md step 5, front side: the authenticated order, as JSON, goes to the back unit and the front
 * waits. {@link JmsPaymentHandover} encodes and decodes; an empty answer means the back unit did not answer in time.
 */
@Component
@FrontUnit
public class FrontPaymentRoutes extends RouteBuilder {

    static final String HAND_OVER = "direct:front.payment.hand-over";
    static final String LOOKUP = "direct:front.payment.look-up";
    static final String RESEND = "direct:front.payment.resend";

    @Override
    public void configure() {
        // The front's wait is not the order's life: without disableTimeToLive Camel gives the request a
        // time-to-live of requestTimeout and the broker drops an order still queued when the wait ends.
        from(HAND_OVER)
                .routeId("front.payment.hand-over")
                .routeConfigurationId(GatewayErrors.FRONT_REQUEST)
                .to(ExchangePattern.InOut, "jms:queue:{{paygate.handover.payment-queue}}"
                        + "?requestTimeout={{paygate.handover.reply-timeout-ms}}&deliveryPersistent=true&disableTimeToLive=true");

        // Recovery hands an undecided order over again and does not wait: the back unit decides a ticket once,
        // however often it arrives, and the decision is found by a lookup.
        from(RESEND)
                .routeId("front.payment.resend")
                .to(ExchangePattern.InOnly, "jms:queue:{{paygate.handover.payment-queue}}?deliveryPersistent=true");

        // No answer in time is not "unknown": the timeout reaches the caller, who must not take it for a decision.
        from(LOOKUP)
                .routeId("front.payment.look-up")
                .to(ExchangePattern.InOut, "jms:queue:{{paygate.handover.lookup-queue}}"
                        + "?requestTimeout={{paygate.handover.lookup-timeout-ms}}&deliveryPersistent=false");
    }
}
