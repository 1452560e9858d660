package dev.paygate.shop.paygate;

import dev.paygate.merchant.refusal.Refusal;

/** What the cancel URL makes of the refusal the browser brought, if any. */
public sealed interface CancelOutcome {

    /** {@code data-reason} when the browser brought no refusal. */
    String NO_REFUSAL = "none";
    /** {@code data-reason} when the refusal did not verify. */
    String UNVERIFIED = "unverified";

    /** The customer came back without a refusal, e.g. with the browser's back button. */
    record LeftPaymentPage() implements CancelOutcome {
    }

    /** A verified refusal for one of the shop's orders. */
    record Refused(Refusal refusal) implements CancelOutcome {
    }

    /**
     * A refusal the shop cannot trust: forged, expired, or about another order.
     *
     * @param code the {@code RefusalRejectedException} code, or {@code unknown_order}
     */
    record Unverified(String code, String explanation) implements CancelOutcome {
    }
}
