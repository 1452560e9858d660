package dev.paygate.gateway.auth;

import java.time.Instant;

/**
 * A recorded security event for operators, e.g. a customer locked after too many wrong passwords.
 *
 * @param customerId the account concerned: a customer id, or for a throttled operator login the operator name
 */
public record Alert(long alertId, String customerId, String kind, LockPolicy policy, Instant createdAt,
                    boolean acknowledged) {

    /** The kind raised when a customer reaches the failed-attempt limit. */
    public static final String CUSTOMER_LOCKED = "customer_locked";
    /** The kind raised when a source of failed logins starts to be delayed; its subject is the account it tried. */
    public static final String SOURCE_THROTTLED = "source_throttled";
    /** The same for operator logins; its subject is the operator name tried. */
    public static final String OPERATOR_SOURCE_THROTTLED = "operator_source_throttled";
}
