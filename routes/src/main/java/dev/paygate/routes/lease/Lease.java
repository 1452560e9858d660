package dev.paygate.routes.lease;

/**
 * The back-unit jobs that must run in exactly one back unit at a time, each with its PostgreSQL advisory lock key.
 * The keys are fixed: every back unit of one database must agree on them.
 */
public enum Lease {

    /** Sending the store-and-forward reversals: one sender keeps each network's reversals in order. */
    REVERSAL_FORWARDING(8_583_001L),

    /** The daily sweep of the tills into the merchants' bank accounts. */
    DAILY_SWEEP(8_583_002L);

    private final long advisoryLockKey;

    Lease(long advisoryLockKey) {
        this.advisoryLockKey = advisoryLockKey;
    }

    public long advisoryLockKey() {
        return advisoryLockKey;
    }
}
