package dev.paygate.merchant.voucher;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded in-process {@link ReplayCache}. Ids are dropped once their voucher has expired. When the
 * cache is full of live ids it refuses to record more and throws, instead of forgetting a live id and
 * letting that voucher be used twice. Thread-safe.
 */
public final class InMemoryReplayCache implements ReplayCache {

    /** At 60 s vouchers this holds ~1,000 payments per second for one shop. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final int capacity;
    private final Clock clock;
    /** Insertion order is roughly expiry order, so the purge usually stops at the first entry. */
    private final Map<String, Instant> rememberUntilById = new LinkedHashMap<>();

    public InMemoryReplayCache(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public InMemoryReplayCache() {
        this(DEFAULT_CAPACITY, Clock.systemUTC());
    }

    @Override
    public synchronized boolean firstUse(String voucherId, Instant rememberUntil) {
        Instant now = clock.instant();
        purgeExpired(now, false);
        Instant known = rememberUntilById.get(voucherId);
        if (known != null && !now.isAfter(known)) {
            return false;
        }
        if (rememberUntilById.size() >= capacity) {
            purgeExpired(now, true);
            if (rememberUntilById.size() >= capacity) {
                throw new IllegalStateException("replay cache full: " + capacity
                        + " live voucher ids; raise the capacity or use a shared ReplayCache");
            }
        }
        rememberUntilById.put(voucherId, rememberUntil);
        return true;
    }

    public synchronized int size() {
        return rememberUntilById.size();
    }

    private void purgeExpired(Instant now, boolean scanAll) {
        Iterator<Instant> entries = rememberUntilById.values().iterator();
        while (entries.hasNext()) {
            if (now.isAfter(entries.next())) {
                entries.remove();
            } else if (!scanAll) {
                return;
            }
        }
    }
}
