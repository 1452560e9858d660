package dev.paygate.merchant.refusal;

import java.time.Clock;
import java.time.Duration;

import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ExpiryCheck;
import dev.paygate.merchant.jose.JwksKeyResolver;
import dev.paygate.merchant.jose.ServerTokenVerifier;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.ticket.Ticket;

/**
 * Merchant side: checks a refusal from the payment server (signature by JWKS kid, expiry with clock skew,
 * and that it is about the merchant's own ticket) before the shop marks an order as refused. Refusals
 * are not replay-checked: acting on the same refusal twice changes nothing. Thread-safe.
 */
public final class RefusalVerifier {

    private final ServerTokenVerifier<Refusal, RefusalRejectedException> tokens;

    public RefusalVerifier(JwksKeyResolver serverKeys) {
        this(serverKeys, Clock.systemUTC(), ExpiryCheck.DEFAULT_CLOCK_SKEW);
    }

    public RefusalVerifier(JwksKeyResolver serverKeys, Clock clock, Duration clockSkew) {
        this.tokens = new ServerTokenVerifier<>(TokenType.REFUSAL, Refusal::fromClaims, Refusal::expiresAt,
                RefusalRejectedException::new, serverKeys, new ExpiryCheck(clock, clockSkew));
    }

    public Refusal verify(String compactRefusal, Ticket ticket) throws RefusalRejectedException {
        return verify(compactRefusal, ticket.ticketId(), ticket.merchantId(), ticket.orderId());
    }

    /**
     * For a merchant that keeps its tickets' ids rather than the tickets, or whose ticket broke a format rule (a
     * basket that does not add up: the refusal still names its {@code jti}, {@code mid} and {@code oid}).
     */
    public Refusal verify(String compactRefusal, String ticketId, String merchantId, String orderId)
            throws RefusalRejectedException {
        Refusal refusal = tokens.verify(compactRefusal);
        tokens.requireMatch(ClaimNames.TICKET_ID_REFERENCE, ticketId, refusal.ticketId());
        tokens.requireMatch(ClaimNames.MERCHANT_ID, merchantId, refusal.merchantId());
        tokens.requireMatch(ClaimNames.ORDER_ID, orderId, refusal.orderId());
        return refusal;
    }
}
