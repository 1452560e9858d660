package dev.paygate.routes.reversal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.message.ReversalRequest;
import dev.paygate.iso8583.message.ReversalResponse;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.ledger.vault.VaultedCard;
import dev.paygate.routes.journal.JournalLink;
import dev.paygate.routes.journal.MessageJournalWriter;
import dev.paygate.routes.lease.BackLeases;
import dev.paygate.routes.lease.Lease;
import dev.paygate.routes.network.CardNetworkProperties;
import dev.paygate.routes.network.CardNetworks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.MUX;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The store-and-forward sender alone: queue, vault, register and MUX mocked. */
class ReversalForwarderTest {

    private static final Instant NOW = Instant.parse("2026-12-04T20:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String PAN = "4000000000000002";

    private final ReversalQueue queue = mock(ReversalQueue.class);
    private final CardNetworks networks = mock(CardNetworks.class);
    private final CardVault vault = mock(CardVault.class);
    private final PaymentRegister register = mock(PaymentRegister.class);
    private final MUX mux = mock(MUX.class);
    private final VaultedCard card = mock(VaultedCard.class);
    private final ReversalProperties properties = new ReversalProperties(true, 1_000, 20, 2_000, 300_000, 40);
    private final BackLeases leases = mock(BackLeases.class);
    private final MessageJournalWriter journal = mock(MessageJournalWriter.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ReversalForwarder forwarder = new ReversalForwarder(queue, properties, networks, vault, register, CLOCK,
            leases, journal, new ReversalMetrics(meters, queue, networks));

    @BeforeEach
    void aConnectedNetworkAndTheCardTheRequestUsed() {
        when(leases.holds(Lease.REVERSAL_FORWARDING)).thenReturn(true);
        when(card.clearPan()).thenReturn(PAN);
        when(card.token()).thenReturn("card-token");
        when(card.expiry()).thenReturn(YearMonth.of(2049, 12));
        when(vault.cardOf("alice")).thenReturn(Optional.of(card));
        when(networks.isConnected("cardnet-a")).thenReturn(true);
        when(networks.settings("cardnet-a")).thenReturn(new CardNetworkProperties.Network(
                "127.0.0.1", 1, "", false, 500, 60_000, 1_000, 60_000, "12345678901"));
        when(networks.mux("cardnet-a")).thenReturn(mux);
    }

    @Test
    void sendsAnAdviceCarryingTheOriginalTraceAndClosesTheRegisterEntryOnceAcknowledged() throws Exception {
        due(reversal("ticket-1", 1));
        when(register.findByTicket("ticket-1")).thenReturn(Optional.of(mock(RegisterEntry.class)));
        when(mux.request(any(), anyLong())).thenAnswer(call -> ReversalResponse.answering(
                ReversalRequest.fromIsoMsg((ISOMsg) call.getArgument(0), CLOCK), ResponseCode.APPROVED).toIsoMsg());

        assertThat(forwarder.forwardDue()).isEqualTo(1);

        ArgumentCaptor<ISOMsg> sent = ArgumentCaptor.forClass(ISOMsg.class);
        verify(mux).request(sent.capture(), eq(500L));
        ReversalRequest advice = ReversalRequest.fromIsoMsg(sent.getValue(), CLOCK);
        assertThat(sent.getValue().getMTI()).isEqualTo("0420");
        assertThat(advice.original().mti()).isEqualTo(Mti.AUTHORIZATION_REQUEST);
        assertThat(advice.original().stan().value()).isEqualTo(17);
        assertThat(advice.keyFields().stan().value()).isEqualTo(18);
        verify(queue).acknowledge(7L, NOW);
        verify(register).markReversed("ticket-1");
        verify(card).wipe();
        assertThat(attempts("acknowledged")).isEqualTo(1);
        JournalLink link = new JournalLink("ticket-1", "ticket-1");
        verify(journal).sent(eq(link), eq("cardnet-a"), eq(sent.getValue()), eq(NOW));
        verify(journal).received(eq(link), eq("cardnet-a"), any(), eq(NOW));
    }

    @Test
    void repeatsAnAdviceSentBeforeAs0421WithTheSameStanAndData() throws Exception {
        due(reversal("ticket-1", 2));
        when(queue.recordTransmission(7L)).thenReturn(1);
        when(mux.request(any(), anyLong())).thenAnswer(call -> ReversalResponse.answering(
                ReversalRequest.fromIsoMsg((ISOMsg) call.getArgument(0), CLOCK), ResponseCode.APPROVED).toIsoMsg());

        assertThat(forwarder.forwardDue()).isEqualTo(1);

        ArgumentCaptor<ISOMsg> sent = ArgumentCaptor.forClass(ISOMsg.class);
        verify(mux).request(sent.capture(), eq(500L));
        ReversalRequest repeat = ReversalRequest.fromIsoMsg(sent.getValue(), CLOCK);
        assertThat(sent.getValue().getMTI()).isEqualTo("0421");
        assertThat(repeat.repeat()).isTrue();
        assertThat(repeat.keyFields().stan().value()).as("the first advice's STAN").isEqualTo(18);
        assertThat(repeat.keyFields().transmittedAt()).isEqualTo(NOW.minusSeconds(30));
        assertThat(repeat.original().stan().value()).isEqualTo(17);
        verify(queue).acknowledge(7L, NOW);
    }

    @Test
    void aFirstAttemptThatNeverLeftKeepsTheNextOneA0420() throws Exception {
        due(reversal("ticket-1", 2));
        when(queue.recordTransmission(7L)).thenReturn(0);

        forwarder.forwardDue();

        ArgumentCaptor<ISOMsg> sent = ArgumentCaptor.forClass(ISOMsg.class);
        verify(mux).request(sent.capture(), eq(500L));
        assertThat(sent.getValue().getMTI()).as("attempt 2, but the first never went out").isEqualTo("0420");
    }

    @Test
    void sendsA0400RequestAndRepeatsItAs0401WhenAdvicesAreOff() throws Exception {
        ReversalForwarder requests = new ReversalForwarder(queue, new ReversalProperties(false, 1_000, 20, 2_000,
                300_000, 40), networks, vault, register, CLOCK, leases, journal,
                new ReversalMetrics(meters, queue, networks));
        due(reversal("ticket-1", 1), reversal("ticket-1", 2));
        when(queue.recordTransmission(7L)).thenReturn(0, 1);

        requests.forwardDue();

        ArgumentCaptor<ISOMsg> sent = ArgumentCaptor.forClass(ISOMsg.class);
        verify(mux, times(2)).request(sent.capture(), eq(500L));
        assertThat(sent.getAllValues()).extracting(ISOMsg::getMTI).containsExactly("0400", "0401");
    }

    @Test
    void aBackUnitThatTakesTheLeaseMakesWhatTheLastHolderClaimedDueAtOnce() {
        when(leases.holds(Lease.REVERSAL_FORWARDING)).thenReturn(false, true, true, false, true);

        for (int pass = 0; pass < 5; pass++) {
            forwarder.forwardDue();
        }

        verify(queue, times(2)).releaseClaims(NOW);
    }

    @Test
    void acknowledgesATopUpReversalWithoutARegisterEntryToClose() throws Exception {
        due(reversal("top-up:key:000017", 1));
        when(register.findByTicket(anyString())).thenReturn(Optional.empty());
        when(mux.request(any(), anyLong())).thenAnswer(call -> ReversalResponse.answering(
                ReversalRequest.fromIsoMsg((ISOMsg) call.getArgument(0), CLOCK), ResponseCode.APPROVED).toIsoMsg());

        assertThat(forwarder.forwardDue()).isEqualTo(1);

        verify(queue).acknowledge(7L, NOW);
        verify(register, never()).markReversed(anyString());
    }

    @Test
    void retriesUnansweredReversalsWithADoublingPauseUpToTheMaximum() throws Exception {
        due(reversal("ticket-1", 3), reversal("ticket-2", 30));

        assertThat(forwarder.forwardDue()).isZero();

        verify(queue).retryAt(eq(7L), eq(NOW.plusMillis(8_000)), eq("no answer within 500 ms"));
        verify(queue).retryAt(eq(7L), eq(NOW.plusMillis(300_000)), eq("no answer within 500 ms"));
        verify(queue, never()).acknowledge(anyLong(), any());
        assertThat(attempts("retry")).isEqualTo(2);
    }

    @Test
    void waitsForTheNetworkToComeBackWithoutSending() throws Exception {
        when(networks.isConnected("cardnet-a")).thenReturn(false);
        due(reversal("ticket-1", 1));

        forwarder.forwardDue();

        verify(queue).retryAt(eq(7L), eq(NOW.plusMillis(2_000)), eq("network not connected"));
        verify(mux, never()).request(any(), anyLong());
    }

    @Test
    void abandonsAReversalForAnOperatorOnceItsAttemptsAreSpent() throws Exception {
        due(reversal("ticket-1", 41));

        forwarder.forwardDue();

        verify(queue).abandon(7L, "attempts exhausted");
        verify(mux, never()).request(any(), anyLong());
        assertThat(attempts("abandoned")).isEqualTo(1);
    }

    @Test
    void abandonsAReversalWhoseCardIsNoLongerOnFile() throws Exception {
        when(card.token()).thenReturn("a-newer-card");
        due(reversal("ticket-1", 1));

        forwarder.forwardDue();

        verify(queue).abandon(7L, "card no longer on file");
        verify(mux, never()).request(any(), anyLong());
    }

    private void due(PendingReversal... reversals) {
        when(queue.claimDue(NOW, 20, Duration.ofMillis(300_000))).thenReturn(List.of(reversals));
    }

    private static PendingReversal reversal(String ticketId, int attempts) {
        return new PendingReversal(7L, ticketId, "cardnet-a", "alice", "card-token", "0100", "00", 9_500, "EUR", 17,
                NOW.minusSeconds(30), "12345678901", "633820000017", "TERM0001", "SHOP00000000001", 18,
                NOW.minusSeconds(30), attempts, "ticket-1", attempts - 1);
    }

    /** Prometheus {@code paygate_reversals_total{network="cardnet-a",result=...}}. */
    private double attempts(String result) {
        return meters.get("paygate.reversals").tag("network", "cardnet-a").tag("result", result).counter().count();
    }
}
