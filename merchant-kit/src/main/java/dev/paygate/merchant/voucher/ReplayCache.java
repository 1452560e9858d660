package dev.paygate.merchant.voucher;

import java.time.Instant;

/**
 * Remembers accepted voucher ids so each voucher is delivered against once. The default
 * {@link InMemoryReplayCache} serves one process; a shop running several instances plugs in a shared
 * store, e.g. a table with a unique key on the voucher id and {@code INSERT ... ON CONFLICT DO NOTHING}.
 */
@FunctionalInterface
public interface ReplayCache {

    /**
     * Records the id atomically. Returns true the first time, false if it was recorded before.
     *
     * @param rememberUntil the id may be forgotten after this instant: the voucher is expired by then
     */
    boolean firstUse(String voucherId, Instant rememberUntil);
}
