package dev.paygate.routes.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.TransferKind;
import dev.paygate.ledger.WalletTopUps;
import dev.paygate.ledger.messages.JournalMessage;
import dev.paygate.ledger.messages.JournalMessage.Direction;
import dev.paygate.ledger.register.LateOutcome;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.ledger.register.Posting;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.routes.order.MalformedMessageException;
import dev.paygate.routes.reversal.ReversalRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AccountCodecTest {

    private final AccountCodec codec = new AccountCodec();

    @Test
    void everyRequestSurvivesTheWireWithItsType() {
        List<AccountRequest> requests = List.of(
                new AccountRequest.CustomerOverview("alice", 20),
                new AccountRequest.MerchantTill("demo-shop"),
                new AccountRequest.MerchantTransactions("demo-shop", 2, 50, "REFUSED"),
                new AccountRequest.WalletRefund("demo-shop", "tkt-1", 500, "r-1"),
                new AccountRequest.WalletTopUp("alice", 2_500, "t-1"),
                new AccountRequest.PaymentMessages("tkt-1"),
                new AccountRequest.PaymentMethod("alice", 4_500, "EUR"),
                new AccountRequest.PaymentSearch("633012345678", "APPROVED", 50),
                new AccountRequest.PaymentTrail("tkt-1"),
                new AccountRequest.UnsettledReversals(100),
                new AccountRequest.SweepRuns(30));

        requests.forEach(request -> assertThat(codec.decodeRequest(codec.encodeRequest(request))).isEqualTo(request));
    }

    @Test
    void answersSurviveTheWireWithTimesAsText() {
        AccountAnswer overview = new AccountAnswer.CustomerOverview("alice", "EUR", 100, 50_000, List.of(
                new HistoryEntry(7, "tkt-7", Instant.parse("2026-11-24T20:00:00Z"), "demo-shop", "alice", "o-7",
                        1_250, "EUR", "wallet", "APPROVED", null, 0, null, null)), "0002",
                List.of(new WalletTopUps.TopUp(3, 2_500, "EUR", "OK0001", "633012345678",
                        Instant.parse("2026-11-24T19:00:00Z"))));

        String json = codec.encodeAnswer(overview);

        assertThat(json).contains("\"type\":\"customer-overview\"", "\"registeredAt\":\"2026-11-24T20:00:00Z\"");
        assertThat(codec.decodeAnswer(json)).isEqualTo(overview);
    }

    @Test
    void aPaymentsMessagesSurviveTheWireMaskedWithTheirElementsAndLateOutcome() {
        Instant at = Instant.parse("2026-12-07T10:00:00Z");
        TreeMap<Integer, String> elements = new TreeMap<>(Map.of(2, "400000******0002", 11, "000017", 39, "00",
                64, "0A1B2C3D4E5F6071"));
        AccountAnswer messages = new AccountAnswer.PaymentMessages("tkt-1", 7, "REVERSED",
                new LateOutcome("0110", "00", "LATE01", at.plusSeconds(12)),
                List.of(new JournalMessage("tkt-1", "tkt-1", "cardnet-a", Direction.RECEIVED, true, "0110", "000017",
                        "TERM0001", "00", elements, at.plusSeconds(12))));

        String json = codec.encodeAnswer(messages);

        assertThat(json).contains("\"type\":\"payment-messages\"", "\"2\":\"400000******0002\"",
                "\"late\":true", "\"approvalCode\":\"LATE01\"");
        assertThat(codec.decodeAnswer(json)).isEqualTo(messages);
    }

    @Test
    void aPaymentTrailSurvivesTheWireWithItsRegisterEntryPostingsAndReversal() {
        Instant at = Instant.parse("2026-11-24T20:00:00Z");
        AccountAnswer trail = new AccountAnswer.PaymentTrail(
                new RegisterEntry(9, "tkt-9", SettlementPath.CARD, RegisterStatus.REVERSED, null, "demo-shop", "alice",
                        "o-9", 4_500, 750, "EUR", "TILL1-9", "cardnet-a", null, "633012345678", "000042", 0,
                        new LateOutcome("0110", "00", "A1B2C3", at), at, at, at),
                List.of(new OrderItem("grinder", "Hand grinder", 1, 4_500)),
                List.of(new Posting(11, TransferKind.CARD_PAYMENT, "system:card-clearing:EUR", "till:demo-shop", 4_500,
                        "EUR", at)),
                List.of(new ReversalRecord("tkt-9", "cardnet-a", "0100", "00", 4_500, "EUR", 42, "633012345678", 43,
                        "ACKNOWLEDGED", 1, at, null, at, at)));

        assertThat(codec.decodeAnswer(codec.encodeAnswer(trail))).isEqualTo(trail);
    }

    @Test
    void malformedOrUnknownRequestsAreRejectedAsPoison() {
        assertThatThrownBy(() -> codec.decodeRequest("")).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> codec.decodeRequest("{\"type\":\"drain-the-till\",\"merchantId\":\"m\"}"))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> codec.decodeRequest("{\"type\":\"merchant-transactions\",\"merchantId\":\"m\","
                + "\"page\":0,\"size\":5000}")).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void requestsOutOfBoundsAreNeverBuilt() {
        assertThatThrownBy(() -> new AccountRequest.CustomerOverview("alice", 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountRequest.MerchantTransactions("m", 0, 10, "PAID"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountRequest.WalletRefund("m", "t", 0, "k"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
