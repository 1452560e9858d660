package dev.paygate.merchant.voucher;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ExpiryCheck;
import dev.paygate.merchant.jose.JwksKeyResolver;
import dev.paygate.merchant.jose.RejectionReason;
import dev.paygate.merchant.jose.ServerTokenVerifier;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.ticket.Ticket;

/**
 * Merchant side, on the return URL (docs/architecture.md step 8): signature by the server's JWKS, expiry with clock
 * skew, match against the merchant's own ticket, and once only. Deliver only when {@link #verify} returns.
 * Thread-safe; build one and share it.
 */
public final class VoucherVerifier {

    private final ServerTokenVerifier<Voucher, VoucherRejectedException> tokens;
    private final ReplayCache replayCache;

    private VoucherVerifier(Builder builder) {
        this.tokens = new ServerTokenVerifier<>(TokenType.VOUCHER, Voucher::fromClaims, Voucher::expiresAt,
                VoucherRejectedException::new, builder.serverKeys, new ExpiryCheck(builder.clock, builder.clockSkew));
        this.replayCache = builder.replayCache != null
                ? builder.replayCache
                : new InMemoryReplayCache(InMemoryReplayCache.DEFAULT_CAPACITY, builder.clock);
    }

    public static Builder builder(JwksKeyResolver serverKeys) {
        return new Builder(serverKeys);
    }

    /**
     * @param compactVoucher the voucher the browser brought back
     * @param ticket the merchant's own ticket for this order
     */
    public Voucher verify(String compactVoucher, Ticket ticket) throws VoucherRejectedException {
        Voucher voucher = tokens.verify(compactVoucher);
        tokens.requireMatch(ClaimNames.TICKET_ID_REFERENCE, ticket.ticketId(), voucher.ticketId());
        tokens.requireMatch(ClaimNames.MERCHANT_ID, ticket.merchantId(), voucher.merchantId());
        tokens.requireMatch(ClaimNames.ORDER_ID, ticket.orderId(), voucher.orderId());
        tokens.requireMatch(ClaimNames.AMOUNT_MINOR, ticket.amountMinor(), voucher.amountMinor());
        tokens.requireMatch(ClaimNames.VAT_MINOR, ticket.vatMinor(), voucher.vatMinor());
        tokens.requireMatch(ClaimNames.CURRENCY, ticket.currency(), voucher.currency());
        tokens.requireMatch(ClaimNames.SERIAL, ticket.serial(), voucher.serial());
        if (ticket.customerId() != null) {
            tokens.requireMatch(ClaimNames.CUSTOMER_ID, ticket.customerId(), voucher.customerId());
        }
        // Last, so a voucher refused for another reason does not use up its id.
        if (!replayCache.firstUse(voucher.voucherId(), tokens.acceptedUntil(voucher))) {
            throw tokens.reject(RejectionReason.REPLAYED, "voucher " + voucher.voucherId() + " was accepted before");
        }
        return voucher;
    }

    public static final class Builder {

        private final JwksKeyResolver serverKeys;
        private Clock clock = Clock.systemUTC();
        private Duration clockSkew = ExpiryCheck.DEFAULT_CLOCK_SKEW;
        private ReplayCache replayCache;

        private Builder(JwksKeyResolver serverKeys) {
            this.serverKeys = Objects.requireNonNull(serverKeys, "serverKeys");
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Defaults to 30 s; at most {@link ExpiryCheck#CLOCK_SKEW_MAX}. */
        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
            return this;
        }

        /** Defaults to an {@link InMemoryReplayCache} on the same clock. */
        public Builder replayCache(ReplayCache replayCache) {
            this.replayCache = Objects.requireNonNull(replayCache, "replayCache");
            return this;
        }

        public VoucherVerifier build() {
            return new VoucherVerifier(this);
        }
    }
}
