package dev.paygate.routes.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The JMS link between the front and back units.
 *
 * @param replyTimeoutMs  how long the front waits for the back's decision before answering "pending";
 *                        longer than the slowest card network's timeout, so a normal decline is never "pending"
 * @param paymentQueue    persistent request queue the back unit consumes
 * @param lookupQueue     the front asks here for a ticket's recorded decision
 * @param deadLetterQueue poison messages, each with the reason it could not be processed
 * @param backConsumers   concurrent consumers of {@code paymentQueue} in one back unit
 * @param lookupTimeoutMs how long a lookup of a ticket's decision waits for the back unit
 * @param recoveryIntervalMs how often the front looks for payments undecided past the reply wait; also the first
 *                        pause between two recovery attempts of one ticket, doubling after each
 * @param recoveryPauseMaxMs the longest pause between two recovery attempts of one ticket
 * @param recoveryBatchMax payments recovered per round
 */
@ConfigurationProperties("paygate.handover")
public record HandoverProperties(
        @DefaultValue("20000") long replyTimeoutMs,
        @DefaultValue("paygate.payment.request") String paymentQueue,
        @DefaultValue("paygate.payment.lookup") String lookupQueue,
        @DefaultValue("paygate.payment.dead-letter") String deadLetterQueue,
        @DefaultValue("8") int backConsumers,
        @DefaultValue("5000") long lookupTimeoutMs,
        @DefaultValue(RECOVERY_INTERVAL_MS_DEFAULT) long recoveryIntervalMs,
        @DefaultValue("60000") long recoveryPauseMaxMs,
        @DefaultValue("100") int recoveryBatchMax) {

    /** Also the {@code @Scheduled} placeholder's default, which cannot read this record. */
    public static final String RECOVERY_INTERVAL_MS_DEFAULT = "5000";
}
