package dev.paygate.routes.card;

import dev.paygate.routes.BackUnit;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Card entries a dead back unit left PENDING before their request left are closed on a timer. */
@Component
@BackUnit
public class UnsentCardPaymentsRoutes extends RouteBuilder {

    private final UnsentCardPayments unsent;

    public UnsentCardPaymentsRoutes(UnsentCardPayments unsent) {
        this.unsent = unsent;
    }

    @Override
    public void configure() {
        from("timer:card-unsent?delay={{paygate.card.unsent.poll-interval-ms}}"
                + "&period={{paygate.card.unsent.poll-interval-ms}}")
                .routeId("back.card.close-unsent")
                .bean(unsent, "closeUnsent");
    }
}
