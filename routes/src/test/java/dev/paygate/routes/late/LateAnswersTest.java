package dev.paygate.routes.late;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.paygate.iso8583.field.Money;
import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Rrn;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.CardAcceptor;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.KeyFields;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.PointOfService;
import dev.paygate.iso8583.message.ReversalKind;
import dev.paygate.iso8583.message.ReversalRequest;
import dev.paygate.iso8583.message.ReversalResponse;
import dev.paygate.iso8583.message.TransactionType;
import dev.paygate.ledger.register.LateOutcome;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.routes.journal.JournalLink;
import dev.paygate.routes.journal.MessageJournalWriter;
import dev.paygate.routes.reversal.ReversalQueue;
import dev.paygate.routes.reversal.ReversalQueue.LateAnswerMatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;

/** Late answers alone: the reversal queue that matches them, the register and the journal mocked. */
class LateAnswersTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:05Z");
    private static final Instant SENT_AT = NOW.minusSeconds(5);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final ReversalQueue reversals = mock(ReversalQueue.class);
    private final PaymentRegister register = mock(PaymentRegister.class);
    private final MessageJournalWriter journal = mock(MessageJournalWriter.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LateAnswers lateAnswers = new LateAnswers(reversals, register, journal, meters, CLOCK);

    @Test
    void aLateApprovalOfAPaymentIsRecordedOnItsEntryAndJournaledAsLate() {
        CardRequest request = authorization(17);
        ISOMsg answer = CardResponse.answering(request, ResponseCode.APPROVED, Optional.of("LATE01")).toIsoMsg();
        when(reversals.matchAnswer("cardnet-a", "TERM0001", 17, NOW.minus(LateAnswers.MATCH_WINDOW)))
                .thenReturn(Optional.of(new LateAnswerMatch("ticket-1", "ticket-1", true)));
        when(register.recordLateAnswer(anyString(), any())).thenReturn(mock(RegisterEntry.class));

        lateAnswers.handle("cardnet-a", answer);

        verify(register).recordLateAnswer("ticket-1", new LateOutcome("0110", "00", "LATE01", NOW));
        verify(journal).receivedLate(new JournalLink("ticket-1", "ticket-1"), "cardnet-a", answer, NOW);
        assertThat(meters.counter("paygate.card.late.answers", "network", "cardnet-a", "mti", "0110").count())
                .isEqualTo(1);
        verify(register, never()).completeCardPayment(anyString(), any());
        verify(register, never()).markReversed(anyString());
    }

    @Test
    void aLateAcknowledgementOfAReversalIsJournaledOnly() {
        ReversalRequest reversal = ReversalRequest.reversing(authorization(17), ReversalKind.ADVICE, Stan.of(18), SENT_AT);
        ISOMsg answer = ReversalResponse.answering(reversal, ResponseCode.APPROVED).toIsoMsg();
        when(reversals.matchAnswer(eq("cardnet-a"), eq("TERM0001"), eq(18), any()))
                .thenReturn(Optional.of(new LateAnswerMatch("ticket-1", "ticket-1", false)));

        lateAnswers.handle("cardnet-a", answer);

        verify(journal).receivedLate(new JournalLink("ticket-1", "ticket-1"), "cardnet-a", answer, NOW);
        verifyNoInteractions(register);
    }

    @Test
    void aLateAnswerToARefundsCreditIsJournaledUnderThePaymentWithoutTouchingIt() {
        ISOMsg answer = CardResponse.answering(authorization(21), ResponseCode.APPROVED, Optional.of("CRED01")).toIsoMsg();
        when(reversals.matchAnswer(eq("cardnet-a"), eq("TERM0001"), eq(21), any()))
                .thenReturn(Optional.of(new LateAnswerMatch("card-refund:key-1:000021", "ticket-1", true)));

        lateAnswers.handle("cardnet-a", answer);

        verify(journal).receivedLate(new JournalLink("ticket-1", "card-refund:key-1:000021"), "cardnet-a", answer, NOW);
        verifyNoInteractions(register);
    }

    @Test
    void anAnswerThatMatchesNoRequestOfOursIsDropped() {
        ISOMsg answer = CardResponse.answering(authorization(99), ResponseCode.APPROVED, Optional.of("NOPE01")).toIsoMsg();
        when(reversals.matchAnswer(anyString(), anyString(), anyInt(), any())).thenReturn(Optional.empty());

        lateAnswers.handle("cardnet-a", answer);

        verifyNoInteractions(journal, register);
    }

    @Test
    void anUnsolicitedRequestFromTheNetworkIsNoAnswerAndIsDropped() {
        lateAnswers.handle("cardnet-a",
                new NetworkManagementRequest(NetworkManagementCode.ECHO, Stan.of(3), SENT_AT).toIsoMsg());

        verifyNoInteractions(reversals, journal, register);
    }

    private static CardRequest authorization(int stan) {
        KeyFields keys = new KeyFields(Pan.of("4000000000000002"), TransactionType.PURCHASE, Money.of(9_500, "EUR"),
                Stan.of(stan), SENT_AT, "12345678901", Rrn.of(SENT_AT, Stan.of(stan)), "TERM0001", "SHOP00000000001");
        return new CardRequest(Mti.AUTHORIZATION_REQUEST, keys, YearMonth.of(2049, 12),
                new CardAcceptor("SHOP                     BERLIN       DE", "5999"), PointOfService.ECOMMERCE);
    }
}
