package dev.paygate.routes.card;

import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.reversal.ReversalQueue;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A back unit that dies between registering a card payment and sending it leaves a PENDING entry without a STAN
 * and nothing on the wire. Such entries are refused ({@code system_error}, nothing charged) once they are older
 * than any live request could be, and a reversal held for them is cancelled, so the ticket ends final.
 */
@Component
@BackUnit
@EnableConfigurationProperties(UnsentCardPaymentsProperties.class)
public record UnsentCardPayments(UnsentCardPaymentsProperties properties, PaymentRegister register,
                                 ReversalQueue reversals, Clock clock) {

    private static final String SYSTEM_ERROR = "system_error";
    private static final Logger log = LoggerFactory.getLogger(UnsentCardPayments.class);

    /** Closes at most {@code batchMax} entries per call; the timer calls again. */
    public void closeUnsent() {
        for (RegisterEntry closed : register.refuseUnsentCardPayments(
                clock.instant().minus(Duration.ofMillis(properties.closeAfterMs())), SYSTEM_ERROR,
                properties.batchMax())) {
            reversals.release(closed.ticketId());
            log.warn("Card entry of ticket {} was left PENDING before its request was sent; refused as system_error, "
                    + "nothing was charged", closed.ticketId());
        }
    }
}
