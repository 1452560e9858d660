package dev.paygate.routes.errors;

import dev.paygate.routes.order.HandoverProperties;
import dev.paygate.routes.order.MalformedMessageException;
import java.sql.SQLTransientException;
import org.apache.camel.ExchangePattern;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * The back unit's error policy, shared by every route that consumes from the broker:
 * transient faults are retried with back-off; a message no retry can fix goes to the dead-letter queue
 * with its reason. Nothing is acknowledged before its effect is committed (the consumers are transacted).
 */
@Component
public class GatewayErrors extends RouteConfigurationBuilder {

    public static final String ID = "gateway-errors";
    public static final String FAILURE_REASON = "paygateFailureReason";
    /**
     * For every route a consumer calls (direct:): no error handler of its own, so that a fault reaches the
     * consumer's policy; Camel runs a caller's onException only when the called route lets the fault through.
     */
    public static final String STEP = "pipeline-step";

    /** Upper bound on in-process retries of one message; the broker's own redelivery comes after. */
    static final int TRANSIENT_REDELIVERIES_MAX = 4;
    static final long TRANSIENT_REDELIVERY_DELAY_MS = 250;

    private final HandoverProperties handover;

    public GatewayErrors(HandoverProperties handover) {
        this.handover = handover;
    }

    @Override
    public void configuration() {
        routeConfiguration(STEP).errorHandler(noErrorHandler());
        RouteConfigurationDefinition configuration = routeConfiguration(ID);
        configuration
                .onException(MalformedMessageException.class, IllegalArgumentException.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .setHeader(FAILURE_REASON, simple("${exception.class.simpleName}: ${exception.message}"))
                    .log(LoggingLevel.WARN, "dead-letter", "Poison message ${header.JMSMessageID} to the dead-letter queue: ${header." + FAILURE_REASON + "}")
                    .to(ExchangePattern.InOnly, "jms:queue:" + handover.deadLetterQueue() + "?deliveryPersistent=true")
                    // A poison request gets no reply: the sender's wait ends in "pending", never in a false answer.
                    .process(exchange -> exchange.setPattern(ExchangePattern.InOnly))
                .end();
        retryTransientFaults(configuration);
    }

    /**
     * Transient database faults are retried in process with back-off; when that is not enough the exception
     * rolls the JMS transaction back and the broker redelivers the message later.
     */
    public static void retryTransientFaults(RouteConfigurationDefinition configuration) {
        configuration
                .onException(TransientDataAccessException.class, CannotGetJdbcConnectionException.class, SQLTransientException.class)
                    .maximumRedeliveries(TRANSIENT_REDELIVERIES_MAX)
                    .redeliveryDelay(TRANSIENT_REDELIVERY_DELAY_MS)
                    .useExponentialBackOff()
                    .backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                .end();
    }
}
