package dev.paygate.routes.card;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.routes.reversal.ReversalQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Closing card entries a dead back unit left unsent: register and reversal queue mocked. */
class UnsentCardPaymentsTest {

    private static final Instant NOW = Instant.parse("2026-12-10T09:00:00Z");

    private final PaymentRegister register = mock(PaymentRegister.class);
    private final ReversalQueue reversals = mock(ReversalQueue.class);
    private final UnsentCardPayments unsent = new UnsentCardPayments(new UnsentCardPaymentsProperties(30_000, 5_000, 7),
            register, reversals, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void refusesEntriesOlderThanTheCloseDelayAsSystemErrorInBatchesOfTheConfiguredSize() {
        when(register.refuseUnsentCardPayments(any(), anyString(), anyInt())).thenReturn(List.of());

        unsent.closeUnsent();

        verify(register).refuseUnsentCardPayments(NOW.minusMillis(30_000), "system_error", 7);
        verify(reversals, never()).release(anyString());
    }

    @Test
    void cancelsTheReversalHeldForEachClosedEntry() {
        RegisterEntry first = entry("t-1");
        RegisterEntry second = entry("t-2");
        when(register.refuseUnsentCardPayments(any(), anyString(), anyInt())).thenReturn(List.of(first, second));

        unsent.closeUnsent();

        verify(reversals).release("t-1");
        verify(reversals).release("t-2");
    }

    private static RegisterEntry entry(String ticketId) {
        RegisterEntry entry = mock(RegisterEntry.class);
        when(entry.ticketId()).thenReturn(ticketId);
        return entry;
    }
}
