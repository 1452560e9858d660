package dev.paygate.gateway.payment;

import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the back unit in front-unit tests only: it decides by amount, so each test picks its outcome
 * by the price on its ticket. The lead's end-to-end tests use the real routes.
 */
public final class StubPaymentHandover implements PaymentHandover {

    public static final long INSUFFICIENT_FUNDS_MINOR = 4242;
    public static final long OVER_LIMIT_MINOR = 4343;
    public static final long CARD_DECLINED_MINOR = 4444;
    public static final long CARD_EXPIRED_MINOR = 4545;
    public static final long ISSUER_UNAVAILABLE_MINOR = 4646;
    /** No answer within the reply timeout: PENDING, and {@link #lookup} knows nothing until {@link #decideLater}. */
    public static final long NO_TIMELY_ANSWER_MINOR = 4747;
    /** The hand-over itself fails (a fault, not an outcome). */
    public static final long HANDOVER_FAULT_MINOR = 4848;
    /** Waits for {@link #releaseSlowHandovers} (at most 10 s) before approving, to overlap two confirms. */
    public static final long SLOW_APPROVAL_MINOR = 4949;
    /** Above this (and not a code above) the card path approves; at or below, the wallet does. */
    public static final long WALLET_THRESHOLD_MINOR = 3000;

    private static final Map<Long, String> REFUSALS = Map.of(
            INSUFFICIENT_FUNDS_MINOR, "insufficient_funds",
            OVER_LIMIT_MINOR, "over_limit",
            CARD_DECLINED_MINOR, "card_declined",
            CARD_EXPIRED_MINOR, "card_expired",
            ISSUER_UNAVAILABLE_MINOR, "issuer_unavailable");

    private final Clock clock;
    private final Map<String, AtomicInteger> handOversByTicket = new ConcurrentHashMap<>();
    private final Map<String, Decision> decisions = new ConcurrentHashMap<>();
    private final Map<String, PaymentOrder> orders = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> resends = new ConcurrentHashMap<>();
    private final AtomicLong registerSerial = new AtomicLong(1_000);
    private volatile CountDownLatch slowHandovers = new CountDownLatch(1);
    private volatile boolean unreachable;

    public StubPaymentHandover(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Decision handOver(PaymentOrder order) {
        handOversByTicket.computeIfAbsent(order.ticketId(), id -> new AtomicInteger()).incrementAndGet();
        orders.put(order.ticketId(), order);
        long amountMinor = order.amountMinor();
        if (amountMinor == HANDOVER_FAULT_MINOR) {
            throw new IllegalStateException("broker unreachable (stub)");
        }
        if (amountMinor == NO_TIMELY_ANSWER_MINOR) {
            return Decision.pending(order.ticketId(), clock.instant());
        }
        if (amountMinor == SLOW_APPROVAL_MINOR) {
            awaitRelease();
        }
        Decision decision = decide(order);
        decisions.put(order.ticketId(), decision);
        return decision;
    }

    /** Recovery's hand-over again: decided as a first hand-over would be, except that no timely answer stays so. */
    @Override
    public void resend(PaymentOrder order) {
        resends.computeIfAbsent(order.ticketId(), id -> new AtomicInteger()).incrementAndGet();
        if (order.amountMinor() != NO_TIMELY_ANSWER_MINOR && order.amountMinor() != HANDOVER_FAULT_MINOR) {
            decisions.putIfAbsent(order.ticketId(), decide(order));
        }
    }

    public int resends(String ticketId) {
        AtomicInteger count = resends.get(ticketId);
        return count == null ? 0 : count.get();
    }

    @Override
    public Optional<Decision> lookup(String ticketId) {
        if (unreachable) {
            throw new IllegalStateException("back unit does not answer (stub)");
        }
        return Optional.ofNullable(decisions.get(ticketId));
    }

    /** While true, lookups fail as they do when the back unit does not answer. */
    public void unreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    /** The back unit's late decision for a pending ticket, as a later lookup will find it. */
    public void decideLater(String ticketId, Decision decision) {
        decisions.put(ticketId, decision);
    }

    public Decision approvedWallet(String ticketId) {
        return new Decision(ticketId, Decision.Outcome.APPROVED, SettlementPath.WALLET, registerSerial.incrementAndGet(), null,
                null, null, clock.instant());
    }

    /** The order as the front unit handed it over, the last time it did for this ticket. */
    public Optional<PaymentOrder> order(String ticketId) {
        return Optional.ofNullable(orders.get(ticketId));
    }

    public int handOvers(String ticketId) {
        AtomicInteger count = handOversByTicket.get(ticketId);
        return count == null ? 0 : count.get();
    }

    public void releaseSlowHandovers() {
        slowHandovers.countDown();
    }

    public void resetSlowHandovers() {
        slowHandovers = new CountDownLatch(1);
    }

    private Decision decide(PaymentOrder order) {
        String ticketId = order.ticketId();
        if (order.expiredAt(clock.instant())) {
            // As the back unit does: an order read after its life is refused, whatever it asks.
            return new Decision(ticketId, Decision.Outcome.REFUSED, null, null, null, null, "payment_expired",
                    clock.instant());
        }
        String refusal = REFUSALS.get(order.amountMinor());
        if (refusal != null) {
            return new Decision(ticketId, Decision.Outcome.REFUSED, null, null, null, null, refusal,
                    clock.instant());
        }
        long serial = registerSerial.incrementAndGet();
        if (order.amountMinor() == 0) {
            return new Decision(ticketId, Decision.Outcome.APPROVED, SettlementPath.AUTH_ONLY, serial, null, null, null,
                    clock.instant());
        }
        if (order.amountMinor() > WALLET_THRESHOLD_MINOR) {
            return new Decision(ticketId, Decision.Outcome.APPROVED, SettlementPath.CARD, serial, "A1B2C3",
                    String.format("%012d", serial), null, clock.instant());
        }
        return new Decision(ticketId, Decision.Outcome.APPROVED, SettlementPath.WALLET, serial, null, null, null, clock.instant());
    }

    private void awaitRelease() {
        try {
            if (!slowHandovers.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the slow hand-over");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
