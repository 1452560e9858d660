package dev.paygate.routes.account;

import dev.paygate.routes.card.Acceptor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The back-office channel between the front unit's account pages and APIs and the back unit.
 *
 * @param requestQueue      persistent request queue the back unit consumes
 * @param replyTimeoutMs    how long the front waits for an answer; longer than the slowest card network's
 *                          timeout, so a declined top-up is answered, not timed out
 * @param hintTimeoutMs     how long a page waits for an answer it can do without, such as the payment page's "paid
 *                          from your wallet" line: a slow back unit must not hold the page up
 * @param backConsumers     concurrent consumers of {@code requestQueue} in one back unit
 * @param topUpAcceptor     how the payment server names itself to the card network when it charges a
 *                          customer's card for a wallet top-up
 */
@ConfigurationProperties("paygate.account")
public record AccountProperties(
        @DefaultValue("paygate.account.request") String requestQueue,
        @DefaultValue("20000") long replyTimeoutMs,
        @DefaultValue("2000") long hintTimeoutMs,
        @DefaultValue("4") int backConsumers,
        @DefaultValue TopUpAcceptor topUpAcceptor) {

    /**
     * @param terminalId           DE 41, 8 characters
     * @param acceptorId           DE 42, 15 characters
     * @param acceptorNameLocation DE 43, 40 characters
     * @param mcc                  DE 18; 6540 is "stored value card load"
     */
    public record TopUpAcceptor(
            @DefaultValue("PGTOPUP1") String terminalId,
            @DefaultValue("PAYGATETOPUP001") String acceptorId,
            @DefaultValue("Paygate wallet top-up    Berlin       DE") String acceptorNameLocation,
            @DefaultValue("6540") String mcc) {

        public Acceptor acceptor() {
            return new Acceptor(terminalId, acceptorId, acceptorNameLocation, mcc);
        }
    }
}
