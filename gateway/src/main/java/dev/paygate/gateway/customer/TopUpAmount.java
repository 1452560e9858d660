package dev.paygate.gateway.customer;

import dev.paygate.gateway.payment.TypedAmount;
import java.util.Optional;

/** A top-up amount as a person types it, in minor units of the wallet's currency (see {@link TypedAmount}). */
final class TopUpAmount {

    private TopUpAmount() {
    }

    static Optional<Long> minorUnits(String text, String currencyCode) {
        return TypedAmount.minorUnits(text, currencyCode);
    }
}
