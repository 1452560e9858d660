package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.merchant.refusal.RefusalReason;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The back unit's refusal reasons in the public vocabulary: mapped once, nothing renamed, nothing lost. */
class BackUnitReasonsTest {

    private static final Set<dev.paygate.ledger.RefusalReason> REFUND_AND_ENROLLMENT_ONLY = EnumSet.of(
            dev.paygate.ledger.RefusalReason.UNKNOWN_TICKET, dev.paygate.ledger.RefusalReason.NOT_REFUNDABLE,
            dev.paygate.ledger.RefusalReason.EXCEEDS_PAID_AMOUNT, dev.paygate.ledger.RefusalReason.IDEMPOTENCY_CONFLICT);

    @Test
    void everyReasonAPaymentCanEndWithKeepsItsCodeInThePublicVocabulary() {
        for (dev.paygate.ledger.RefusalReason reason : dev.paygate.ledger.RefusalReason.values()) {
            if (!REFUND_AND_ENROLLMENT_ONLY.contains(reason)) {
                assertThat(BackUnitReasons.publicReason(reason).code()).as(reason.name()).isEqualTo(reason.code());
            }
        }
    }

    @Test
    void aRefundOnlyReasonOnAPaymentIsTheServersOwnFailure() {
        REFUND_AND_ENROLLMENT_ONLY.forEach(reason ->
                assertThat(BackUnitReasons.publicReason(reason)).isEqualTo(RefusalReason.SYSTEM_ERROR));
    }

    @Test
    void aDecisionCarriesTheLedgersCodeOrAScreeningStepsOwn() {
        assertThat(BackUnitReasons.ofDecision("insufficient_funds")).isEqualTo(RefusalReason.INSUFFICIENT_FUNDS);
        assertThat(BackUnitReasons.ofDecision("payment_expired")).isEqualTo(RefusalReason.PAYMENT_EXPIRED);
        assertThat(BackUnitReasons.ofDecision("fraud_suspected")).isEqualTo(RefusalReason.of("fraud_suspected"));
        assertThatThrownBy(() -> BackUnitReasons.ofDecision("Not A Code")).isInstanceOf(IllegalArgumentException.class);
    }
}
