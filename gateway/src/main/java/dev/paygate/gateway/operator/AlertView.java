package dev.paygate.gateway.operator;

import dev.paygate.gateway.auth.Alert;

/**
 * An alert with what operators act on: whether its customer is still locked.
 *
 * @param createdAt ISO-8601 UTC instant
 */
record AlertView(long alertId, String customerId, String kind, String policy, String createdAt, boolean acknowledged,
                 boolean customerLocked) {

    static AlertView of(Alert alert, boolean customerLocked) {
        return new AlertView(alert.alertId(), alert.customerId(), alert.kind(), alert.policy().code(),
                OperatorTimes.text(alert.createdAt()), alert.acknowledged(), customerLocked);
    }
}
