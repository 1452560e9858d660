package dev.paygate.shop.paygate;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.paygate.merchant.jose.RejectionReason;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.merchant.voucher.VoucherRejectedException;
import dev.paygate.merchant.voucher.VoucherVerifier;
import dev.paygate.shop.checkout.Order;
import dev.paygate.shop.checkout.OrderBook;

/**
 * The return URL's decision (docs/architecture.md step 8): find the order the voucher names, let merchant-kit verify
 * signature, expiry, match with the order's ticket and first use, then deliver the order once.
 */
@Component
record VoucherAcceptance(OrderBook orders, VoucherVerifier verifier, ObjectMapper json) {

    static final String UNKNOWN_ORDER = "unknown_order";
    static final String ALREADY_DELIVERED = "already_delivered";
    private static final Logger log = LoggerFactory.getLogger(VoucherAcceptance.class);

    VoucherOutcome accept(String compactVoucher) {
        if (compactVoucher == null || compactVoucher.isBlank()) {
            return malformed("The link carries no voucher.");
        }
        Optional<String> orderId = UnverifiedOrderId.read(compactVoucher, TokenType.VOUCHER);
        if (orderId.isEmpty()) {
            return malformed("This is not a Paygate voucher.");
        }
        Optional<Order> found = orders.find(orderId.get());
        if (found.isEmpty()) {
            log.warn("Voucher names no order of this shop; nothing delivered");
            return new VoucherOutcome.Rejected(UNKNOWN_ORDER,
                    "It names an order this shop does not know (or no longer remembers).", null, HttpStatus.NOT_FOUND);
        }
        Order order = found.get();
        // A reload of the delivery page (or Back to it) shows what was delivered; it delivers nothing more.
        Optional<Voucher> deliveredBefore = order.deliveredAgainst(compactVoucher);
        if (deliveredBefore.isPresent()) {
            return delivered(order, deliveredBefore.get(), compactVoucher, true);
        }
        Voucher voucher;
        try {
            voucher = verifier.verify(compactVoucher, order.ticket());
        } catch (VoucherRejectedException rejected) {
            log.warn("Voucher for order {} rejected: {}", order.orderId(), rejected.code());
            return new VoucherOutcome.Rejected(rejected.code(), RejectionExplanations.explain(rejected),
                    order.orderId(), status(rejected.reason()));
        }
        // The gateway answers a second confirm with the first outcome, but a new voucher id must not deliver twice.
        if (!order.deliver(voucher, compactVoucher)) {
            log.warn("Order {} was delivered before; voucher {} not used", order.orderId(), voucher.voucherId());
            return new VoucherOutcome.Rejected(ALREADY_DELIVERED,
                    "This order was delivered before; it is delivered once.", order.orderId(), HttpStatus.CONFLICT);
        }
        log.info("Order {} delivered: voucher {}, path {}, register {}", order.orderId(), voucher.voucherId(),
                voucher.path().code(), voucher.registerSerial());
        return delivered(order, voucher, compactVoucher, false);
    }

    private VoucherOutcome.Delivered delivered(Order order, Voucher voucher, String compactVoucher, boolean earlier) {
        return new VoucherOutcome.Delivered(order, voucher,
                CompactJson.pretty(json, compactVoucher, CompactJson.HEADER),
                CompactJson.pretty(json, compactVoucher, CompactJson.PAYLOAD), earlier);
    }

    private static VoucherOutcome.Rejected malformed(String explanation) {
        return new VoucherOutcome.Rejected(RejectionReason.MALFORMED.code(), explanation, null, HttpStatus.BAD_REQUEST);
    }

    private static HttpStatus status(RejectionReason reason) {
        return switch (reason) {
            case REPLAYED -> HttpStatus.CONFLICT;
            // Transient: the same voucher may pass on a reload, its id was not used up.
            case KEYS_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case MALFORMED, UNKNOWN_KEY, BAD_SIGNATURE, EXPIRED, MISMATCH -> HttpStatus.BAD_REQUEST;
        };
    }
}
