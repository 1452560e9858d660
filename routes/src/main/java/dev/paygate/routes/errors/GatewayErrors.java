package dev.paygate.routes.errors;

import dev.paygate.routes.order.MalformedMessageException;
import java.sql.SQLTransientException;
import org.apache.camel.ExchangePattern;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * The pipeline's error policies, each a route configuration a route names with {@code routeConfigurationId}:
 * <ul>
 *   <li>{@link #ID}, every route that consumes from the broker: transient faults are retried with back-off; a
 *       message no retry can fix (not valid JSON, not a valid request) goes to the dead-letter queue with its
 *       reason. Nothing is acknowledged before its effect is committed (the consumers are transacted).</li>
 *   <li>{@link #STEP}, every route a consumer calls: no error handler of its own.</li>
 *   <li>{@link #FRONT_REQUEST}, the front's request/reply routes: no answer in time is an empty answer, which
 *       the caller reads as "pending" or "unavailable", never as a decision.</li>
 * </ul>
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
    public static final String FRONT_REQUEST = "front-request";
    public static final String DEAD_LETTER = "jms:queue:{{paygate.handover.dead-letter-queue}}?deliveryPersistent=true";

    /** Upper bound on in-process retries of one message; the broker's own redelivery comes after. */
    static final int TRANSIENT_REDELIVERIES_MAX = 4;
    static final long TRANSIENT_REDELIVERY_DELAY_MS = 250;

    @Override
    public void configuration() {
        routeConfiguration(STEP).errorHandler(noErrorHandler());

        routeConfiguration(FRONT_REQUEST)
                .onException(ExchangeTimedOutException.class)
                    .handled(true)
                    .log("No answer in time on ${routeId} (${exception.message}): answered empty")
                    .setBody(constant(""))
                .end();

        RouteConfigurationDefinition configuration = routeConfiguration(ID);
        configuration
                .onException(MalformedMessageException.class, IllegalArgumentException.class)
                    .handled(true)
                    .maximumRedeliveries(0)
                    .setHeader(FAILURE_REASON, simple("${exception.class.simpleName}: ${exception.message}"))
                    .log(LoggingLevel.WARN, "dead-letter", "Poison message ${header.JMSMessageID} to the dead-letter queue: ${header." + FAILURE_REASON + "}")
                    .to(ExchangePattern.InOnly, DEAD_LETTER)
                    // A poison request gets no reply: the sender's wait ends in "pending", never in a false answer.
                    .setExchangePattern(ExchangePattern.InOnly)
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
