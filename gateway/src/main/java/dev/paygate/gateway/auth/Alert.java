package dev.paygate.gateway.auth;

import java.time.Instant;

/** A recorded security event for operators, e.g. a customer locked after too many wrong passwords. */
public record Alert(long alertId, String customerId, String kind, LockPolicy policy, Instant createdAt,
                    boolean acknowledged) {

    /** The kind raised when a customer reaches the failed-attempt limit. */
    public static final String CUSTOMER_LOCKED = "customer_locked";
}
