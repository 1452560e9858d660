package dev.paygate.iso8583.field;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Test double of {@link StanSource}: a counter per network and day, wrapping after 999999. */
public final class InMemoryStanSource implements StanSource {

    private record Key(String network, LocalDate utcDay) {
    }

    private final Map<Key, Integer> lastIssued = new HashMap<>();

    @Override
    public synchronized Stan next(String network, LocalDate utcDay) {
        int next = lastIssued.merge(new Key(network, utcDay), Stan.MIN, (last, one) -> last >= Stan.MAX ? Stan.MIN : last + 1);
        return Stan.of(next);
    }
}
