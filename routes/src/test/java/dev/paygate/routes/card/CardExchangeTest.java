package dev.paygate.routes.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.sequence.DatabaseStanSequence;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.ledger.vault.VaultedCard;
import dev.paygate.routes.journal.JournalLink;
import dev.paygate.routes.journal.MessageJournalWriter;
import dev.paygate.routes.network.CardLink;
import dev.paygate.routes.network.CardNetworkMetrics;
import dev.paygate.routes.network.CardNetworkProperties;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.network.LinkAnswer;
import dev.paygate.routes.reversal.ReversalQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** The card sequence alone: vault, network, STAN, held reversal, link and answer, with every collaborator mocked. */
class CardExchangeTest {

    private static final String PAN = "4000000000000002";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T20:00:00Z"), ZoneOffset.UTC);
    private static final Acceptor ACCEPTOR = new Acceptor("TERM0001", "SHOP00000000001",
            "Test shop                Berlin       DE", "5814");

    private final CardVault vault = mock(CardVault.class);
    private final CardNetworks networks = mock(CardNetworks.class);
    private final DatabaseStanSequence stans = mock(DatabaseStanSequence.class);
    private final ReversalQueue reversals = mock(ReversalQueue.class);
    private final CardLink link = mock(CardLink.class);
    private final VaultedCard card = mock(VaultedCard.class);
    private final AtomicInteger lastStan = new AtomicInteger();
    private final CardNetworkMetrics metrics = mock(CardNetworkMetrics.class);
    private final MessageJournalWriter journal = mock(MessageJournalWriter.class);
    private final CardExchange exchange = new CardExchange(vault, networks, stans, reversals, metrics, CLOCK, journal);

    @BeforeEach
    void aConnectedNetworkAndACardOnFile() throws Exception {
        when(card.clearPan()).thenReturn(PAN);
        when(card.token()).thenReturn("card-token");
        when(card.expiry()).thenReturn(YearMonth.of(2049, 12));
        when(vault.cardOf("alice")).thenReturn(Optional.of(card));
        when(networks.routeFor(PAN)).thenReturn(Optional.of(new CardNetworks.Routing("cardnet-a", "cardnet-a")));
        when(networks.isConnected("cardnet-a")).thenReturn(true);
        when(networks.settings("cardnet-a")).thenReturn(new CardNetworkProperties.Network(
                "127.0.0.1", 1, "", false, 500, 60_000, 1_000, 60_000, "12345678901"));
        when(networks.link("cardnet-a")).thenReturn(link);
        when(link.exchange(any(), anyLong())).thenReturn(LinkAnswer.UNANSWERED);
        when(stans.next(eq("cardnet-a"), any())).thenAnswer(call -> lastStan.incrementAndGet());
        when(reversals.hold(anyString(), any(), anyString(), anyString(), anyString(), any(), any(), any(), anyLong()))
                .thenReturn(true);
    }

    @Test
    void holdsTheReversalBeforeTheRequestLeavesAndReleasesItOnceTheAnswerIsRecorded() throws Exception {
        answerWith(ResponseCode.APPROVED, Optional.of("AUTH01"));
        Recording conversation = new Recording();

        String outcome = exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), conversation);

        assertThat(outcome).isEqualTo("approved AUTH01");
        InOrder order = inOrder(reversals, link);
        order.verify(reversals).hold(eq("reversal-000001"), eq("ticket-1"), eq("cardnet-a"), eq("alice"),
                eq("card-token"), any(),
                eq(Stan.of(2)), eq(CLOCK.instant()), eq(500L));
        order.verify(link).exchange(any(), eq(500L));
        order.verify(reversals).release("reversal-000001");
        verify(reversals, never()).activate(anyString(), any());
        assertThat(conversation.events).containsExactly("open cardnet-a", "claim 000001", "answered AUTH01");
        verify(card).wipe();
    }

    @Test
    void journalsTheRequestAndItsAnswerUnderTheRegisterEntryAndTheRequestsReversalId() throws Exception {
        answerWith(ResponseCode.APPROVED, Optional.of("AUTH01"));

        exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), new Recording());

        JournalLink link = new JournalLink("ticket-1", "reversal-000001");
        ArgumentCaptor<ISOMsg> sent = ArgumentCaptor.forClass(ISOMsg.class);
        ArgumentCaptor<ISOMsg> received = ArgumentCaptor.forClass(ISOMsg.class);
        verify(journal).sent(eq(link), eq("cardnet-a"), sent.capture(), eq(CLOCK.instant()));
        verify(journal).received(eq(link), eq("cardnet-a"), received.capture(), eq(CLOCK.instant()));
        assertThat(sent.getValue().getString(0)).isEqualTo("0100");
        assertThat(received.getValue().getString(38)).isEqualTo("AUTH01");
    }

    @Test
    void sendsTheReversalAtOnceWhenNoAnswerComesInTime() throws Exception {
        Recording conversation = new Recording();

        String outcome = exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), conversation);

        assertThat(outcome).isEqualTo("unanswered 000001");
        verify(reversals).activate("reversal-000001", CLOCK.instant());
        verify(reversals, never()).release(anyString());
        verify(journal).sent(eq(new JournalLink("ticket-1", "reversal-000001")), eq("cardnet-a"), any(), any());
        verify(journal, never()).received(any(), any(), any(), any());
    }

    @Test
    void reversesARequestWhoseLinkWentDownWhileItWaited() throws Exception {
        when(link.exchange(any(), anyLong())).thenReturn(LinkAnswer.LINK_LOST);

        String outcome = exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), new Recording());

        assertThat(outcome).isEqualTo("unanswered 000001");
        verify(reversals).activate("reversal-000001", CLOCK.instant());
        verify(metrics).requestAnswered(eq("cardnet-a"), eq("0100"), eq(CardNetworkMetrics.LINK_LOST), any());
    }

    @Test
    void sendsTheCardToItsBinRoutesFallbackWhileItsOwnNetworkIsDown() throws Exception {
        when(networks.routeFor(PAN)).thenReturn(Optional.of(new CardNetworks.Routing("cardnet-b", "cardnet-a")));
        when(networks.isConnected("cardnet-b")).thenReturn(true);
        when(networks.settings("cardnet-b")).thenReturn(new CardNetworkProperties.Network(
                "127.0.0.1", 2, "", true, 500, 60_000, 1_000, 60_000, "12345678902"));
        when(networks.link("cardnet-b")).thenReturn(link);
        when(stans.next(eq("cardnet-b"), any())).thenAnswer(call -> lastStan.incrementAndGet());
        Recording conversation = new Recording();

        exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), conversation);

        assertThat(conversation.events).first().isEqualTo("open cardnet-b");
        verify(metrics).fellBack("cardnet-a", "cardnet-b");
    }

    @Test
    void sendsNothingWhenTheOperationWasClosedBeforeItsStanWasClaimed() throws Exception {
        Recording conversation = new Recording();
        conversation.closedMeanwhile = true;

        String outcome = exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), conversation);

        assertThat(outcome).isEqualTo("closed");
        verify(link, never()).exchange(any(), anyLong());
        verify(reversals).release("reversal-000001");
    }

    @Test
    void sendsNothingWhenTheReversalCannotBeHeld() throws Exception {
        when(reversals.hold(anyString(), any(), anyString(), anyString(), anyString(), any(), any(), any(), anyLong()))
                .thenReturn(false);

        assertThatThrownBy(() -> exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), new Recording()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing sent");
        verify(link, never()).exchange(any(), anyLong());
    }

    @Test
    void reversesTheChargeWhenTheLedgerDidNotTakeTheApproval() throws Exception {
        answerWith(ResponseCode.APPROVED, Optional.of("AUTH01"));
        Recording conversation = new Recording();
        conversation.reverseAfterAnswer = true;

        exchange.exchange(CardOperation.topUp("alice", 1_000, "EUR"), conversation);

        verify(reversals).activate("reversal-000001", CLOCK.instant());
        verify(reversals, never()).release(anyString());
    }

    @Test
    void reversesTheChargeWhenRecordingTheAnswerFails() throws Exception {
        answerWith(ResponseCode.APPROVED, Optional.of("AUTH01"));
        Recording conversation = new Recording();
        conversation.failOnAnswer = true;

        assertThatThrownBy(() -> exchange.exchange(CardOperation.topUp("alice", 1_000, "EUR"), conversation))
                .hasMessage("ledger down");
        verify(reversals).activate("reversal-000001", CLOCK.instant());
    }

    @Test
    void refusesWithoutSendingWhenNoCardIsOnFile() throws Exception {
        when(vault.cardOf("alice")).thenReturn(Optional.empty());

        String outcome = exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), new Recording());

        assertThat(outcome).isEqualTo("not sent no_card_on_file");
        verify(reversals, never()).hold(anyString(), any(), anyString(), anyString(), anyString(), any(), any(), any(),
                anyLong());
    }

    @Test
    void refusesWithoutSendingWhenNoNetworkTakesTheCard() throws Exception {
        when(networks.routeFor(PAN)).thenReturn(Optional.empty());
        Recording conversation = new Recording();

        String outcome = exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), conversation);

        assertThat(outcome).isEqualTo("not sent card_not_supported");
        assertThat(conversation.events).isEmpty();
        verify(card).wipe();
    }

    @Test
    void refusesWithoutSendingOrTakingAStanWhenTheNetworkIsDown() throws Exception {
        when(networks.isConnected("cardnet-a")).thenReturn(false);

        String outcome = exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), new Recording());

        assertThat(outcome).isEqualTo("not sent issuer_unavailable");
        assertThat(lastStan).hasValue(0);
        verify(metrics).requestNotSent("cardnet-a");
        verify(link, never()).exchange(any(), anyLong());
    }

    @Test
    void answersFromTheOpeningWithoutSendingWhenTheOperationIsAlreadyDecided() throws Exception {
        Recording conversation = new Recording();
        conversation.decidedBefore = true;

        String outcome = exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), conversation);

        assertThat(outcome).isEqualTo("decided before");
        verify(link, never()).exchange(any(), anyLong());
    }

    @Test
    void sendsATopUpAsAFinancialRequestAndARefundOnItsOwnNetworkWithoutBinRouting() throws Exception {
        answerWith(ResponseCode.APPROVED, Optional.of("AUTH01"));
        exchange.exchange(CardOperation.topUp("alice", 1_000, "EUR"), new Recording());
        when(networks.routeFor(PAN)).thenThrow(new AssertionError("a refund goes back where the payment went"));
        exchange.exchange(CardOperation.refund("alice", "cardnet-a", 1_000, "EUR"), new Recording());

        ArgumentCaptor<CardRequest> held = ArgumentCaptor.forClass(CardRequest.class);
        verify(reversals, org.mockito.Mockito.times(2)).hold(anyString(), any(), anyString(), anyString(),
                anyString(), held.capture(), any(), any(), anyLong());
        assertThat(held.getAllValues()).extracting(CardRequest::mti)
                .containsExactly(Mti.FINANCIAL_REQUEST, Mti.FINANCIAL_REQUEST);
        assertThat(held.getAllValues().get(1).keyFields().type().processingCode()).startsWith("20");
    }

    @Test
    void aDeclineReachesTheConversationAsItsRefusalReason() throws Exception {
        answerWith(ResponseCode.INSUFFICIENT_FUNDS, Optional.empty());

        String outcome = exchange.exchange(CardOperation.purchase("alice", 9_500, "EUR"), new Recording());

        assertThat(outcome).isEqualTo("refused insufficient_funds");
        verify(reversals).release("reversal-000001");
    }

    private void answerWith(ResponseCode code, Optional<String> approvalCode) throws Exception {
        when(link.exchange(any(), anyLong())).thenAnswer(call -> {
            CardRequest request = CardRequest.fromIsoMsg((ISOMsg) call.getArgument(0), CLOCK);
            return new LinkAnswer.Answered(CardResponse.answering(request, code, approvalCode).toIsoMsg());
        });
    }

    /** A conversation that writes down what the exchange asked of it. */
    private static final class Recording implements CardConversation<String> {

        final List<String> events = new ArrayList<>();
        boolean decidedBefore;
        boolean closedMeanwhile;
        boolean reverseAfterAnswer;
        boolean failOnAnswer;

        @Override
        public Opening<String> open(String network) {
            events.add("open " + network);
            return decidedBefore ? new Answer<>("decided before") : new Send<>(ACCEPTOR);
        }

        @Override
        public String reversalTicketId(Stan stan) {
            return "reversal-" + stan.digits();
        }

        @Override
        public Optional<String> registerTicketId() {
            return Optional.of("ticket-1");
        }

        @Override
        public Optional<String> claim(Stan stan) {
            events.add("claim " + stan.digits());
            return closedMeanwhile ? Optional.of("closed") : Optional.empty();
        }

        @Override
        public String notSent(RefusalReason reason) {
            return "not sent " + reason.code();
        }

        @Override
        public String unanswered(Stan stan) {
            return "unanswered " + stan.digits();
        }

        @Override
        public Settlement<String> answered(CardAnswer answer) {
            if (failOnAnswer) {
                throw new IllegalStateException("ledger down");
            }
            String value = answer.approved()
                    ? "approved " + answer.approvalCode().orElseThrow()
                    : "refused " + answer.refusal().orElseThrow().code();
            events.add("answered " + answer.approvalCode().orElse("-"));
            return reverseAfterAnswer ? Settlement.reversed(value) : Settlement.kept(value);
        }
    }
}
