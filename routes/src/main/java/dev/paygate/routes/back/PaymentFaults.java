package dev.paygate.routes.back;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.errors.GatewayErrors;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.stereotype.Component;

/**
 * The error policy of the back unit's payment consumer: a payment never ends in silence. Transient database
 * faults are retried (then redelivered by the broker); any other fault refuses the ticket as {@code system_error}
 * in the register, answers the front with that refusal, and keeps a copy of the order in the dead-letter queue
 * with its reason. The register decides a ticket once, so a fault after the decision answers the decision.
 */
@Component
@BackUnit
public class PaymentFaults extends RouteConfigurationBuilder {

    public static final String ID = "payment-faults";

    private final PaymentFaultRefusal refusal;

    public PaymentFaults(PaymentFaultRefusal refusal) {
        this.refusal = refusal;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition configuration = routeConfiguration(ID);
        GatewayErrors.retryTransientFaults(configuration);
        configuration
                .onException(Exception.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .useOriginalMessage()
                    .setHeader(GatewayErrors.FAILURE_REASON, simple("${exception.class.simpleName}: ${exception.message}"))
                    .log(LoggingLevel.ERROR, "dead-letter", "Order for ticket ${header." + PaymentFaultRefusal.TICKET_ID
                            + "} failed in the back unit; refused as system_error, the order kept in the dead-letter queue: ${header."
                            + GatewayErrors.FAILURE_REASON + "}")
                    // First the refusal: if the register cannot be written either, the fault rolls the delivery back.
                    .process(refusal)
                    .to(ExchangePattern.InOnly, GatewayErrors.DEAD_LETTER)
                    .bean(refusal, "answer")
                .end();
    }
}
