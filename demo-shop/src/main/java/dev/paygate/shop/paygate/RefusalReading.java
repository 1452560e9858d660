package dev.paygate.shop.paygate;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.paygate.merchant.jose.RejectionReason;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.refusal.RefusalRejectedException;
import dev.paygate.merchant.refusal.RefusalVerifier;
import dev.paygate.shop.checkout.Order;
import dev.paygate.shop.checkout.OrderBook;

/** The cancel URL's reading of a refusal: signature, expiry and match with the order's ticket. */
@Component
record RefusalReading(OrderBook orders, RefusalVerifier verifier) {

    private static final Logger log = LoggerFactory.getLogger(RefusalReading.class);

    CancelOutcome read(String compactRefusal) {
        if (compactRefusal == null || compactRefusal.isBlank()) {
            return new CancelOutcome.LeftPaymentPage();
        }
        Optional<String> orderId = UnverifiedOrderId.read(compactRefusal, TokenType.REFUSAL);
        if (orderId.isEmpty()) {
            return new CancelOutcome.Unverified(RejectionReason.MALFORMED.code(), "This is not a Paygate refusal.");
        }
        Optional<Order> order = orders.find(orderId.get());
        if (order.isEmpty()) {
            return new CancelOutcome.Unverified(VoucherAcceptance.UNKNOWN_ORDER,
                    "It names an order this shop does not know (or no longer remembers).");
        }
        try {
            Refusal refusal = verifier.verify(compactRefusal, order.get().ticket());
            log.info("Order {} refused by the payment server: {}", refusal.orderId(), refusal.reason().code());
            return new CancelOutcome.Refused(refusal);
        } catch (RefusalRejectedException rejected) {
            log.warn("Refusal for order {} not trusted: {}", order.get().orderId(), rejected.code());
            return new CancelOutcome.Unverified(rejected.code(), RejectionExplanations.explain(rejected));
        }
    }
}
