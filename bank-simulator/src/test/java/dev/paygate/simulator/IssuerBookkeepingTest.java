package dev.paygate.simulator;

import static dev.paygate.simulator.support.Requests.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.ReversalKind;
import dev.paygate.iso8583.message.ReversalRequest;
import dev.paygate.iso8583.message.ReversalResponse;
import dev.paygate.simulator.issuer.AccountSnapshot;
import dev.paygate.simulator.support.Requests;
import dev.paygate.simulator.support.SimulatorClient;
import dev.paygate.simulator.support.Simulators;
import dev.paygate.simulator.support.TestCards;
import java.net.SocketTimeoutException;
import java.time.Instant;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Holds, debits, credits, reversals and duplicates, over real TCP, checked on the accounts. */
class IssuerBookkeepingTest {

    private SimulatorConfig config;
    private BankSimulator simulator;
    private SimulatorClient cardnetA;
    private SimulatorClient cardnetB;

    @BeforeEach
    void startSimulator() {
        config = Simulators.repositoryConfig();
        simulator = BankSimulator.start(config);
        cardnetA = SimulatorClient.connect(simulator, config, "cardnet-a");
        cardnetB = SimulatorClient.connect(simulator, config, "cardnet-b");
    }

    @AfterEach
    void stopSimulator() throws Exception {
        cardnetA.close();
        cardnetB.close();
        simulator.close();
    }

    @Test
    void authorizationHoldsFundsAndReversalReleasesThem() throws Exception {
        CardRequest authorization = authorization(TestCards.EVERYDAY, 25_000);

        CardResponse approved = CardResponse.fromIsoMsg(cardnetA.exchange(authorization.toIsoMsg()));
        long heldBalance = available(TestCards.EVERYDAY);
        ReversalResponse reversed = reverse(cardnetA, authorization, ReversalKind.REVERSAL);

        assertThat(approved.isApproved()).isTrue();
        assertThat(heldBalance).isEqualTo(100_000 - 25_000);
        assertThat(reversed.responseCode()).isEqualTo(ResponseCode.APPROVED);
        assertThat(reversed.keyFields().rrn()).isEqualTo(authorization.keyFields().rrn());
        assertThat(account(TestCards.EVERYDAY).availableMinor()).isEqualTo(100_000);
        assertThat(account(TestCards.EVERYDAY).spentTodayMinor()).isZero();
    }

    @Test
    void firstReversalOfADroppingCardIsBookedButUnansweredAndItsRepeatIsAnswered() throws Exception {
        CardRequest authorization = authorization(TestCards.DROPS_FIRST_REVERSAL_ANSWER, 10_000);
        cardnetA.send(authorization.toIsoMsg());
        assertThat(awaitAvailable(TestCards.DROPS_FIRST_REVERSAL_ANSWER, 100_000_000 - 10_000)).as("held").isTrue();

        try (SimulatorClient shortWait = SimulatorClient.connect(simulator, SimulatorClient.profile(config, "cardnet-a"),
                "cardnet-a", 800)) {
            shortWait.send(ReversalRequest.reversing(authorization, ReversalKind.ADVICE, Requests.nextStan(), Instant.now())
                    .toIsoMsg());
            assertThatThrownBy(shortWait::receive).isInstanceOf(SocketTimeoutException.class);
        }
        long afterFirstReversal = available(TestCards.DROPS_FIRST_REVERSAL_ANSWER);
        ReversalResponse repeated = reverse(cardnetA, authorization, ReversalKind.ADVICE);

        assertThat(afterFirstReversal).as("released by the unanswered reversal").isEqualTo(100_000_000);
        assertThat(repeated.isApproved()).isTrue();
        assertThat(available(TestCards.DROPS_FIRST_REVERSAL_ANSWER)).isEqualTo(100_000_000);
    }

    @Test
    void aRepeatAdviceWithTheFirstStanIsMatchedAcknowledgedAndBookedOnce() throws Exception {
        CardRequest authorization = authorization(TestCards.DROPS_FIRST_REVERSAL_ANSWER, 10_000);
        cardnetA.send(authorization.toIsoMsg());
        assertThat(awaitAvailable(TestCards.DROPS_FIRST_REVERSAL_ANSWER, 100_000_000 - 10_000)).as("held").isTrue();
        ReversalRequest advice = ReversalRequest.reversing(authorization, ReversalKind.ADVICE, Requests.nextStan(),
                Instant.now());

        try (SimulatorClient shortWait = SimulatorClient.connect(simulator, SimulatorClient.profile(config, "cardnet-a"),
                "cardnet-a", 800)) {
            shortWait.send(advice.toIsoMsg());
            assertThatThrownBy(shortWait::receive).isInstanceOf(SocketTimeoutException.class);
        }
        ISOMsg repeat = advice.asRepeat().toIsoMsg();
        ReversalResponse acknowledged = ReversalResponse.fromIsoMsg(cardnetA.exchange(repeat));
        ReversalResponse repeatedAgain = ReversalResponse.fromIsoMsg(cardnetA.exchange(advice.asRepeat().toIsoMsg()));

        assertThat(repeat.getString(0)).isEqualTo("0421");
        assertThat(acknowledged.kind()).isEqualTo(ReversalKind.ADVICE);
        assertThat(acknowledged.isApproved()).isTrue();
        assertThat(acknowledged.keyFields().stan()).isEqualTo(advice.keyFields().stan());
        assertThat(repeatedAgain.isApproved()).isTrue();
        assertThat(available(TestCards.DROPS_FIRST_REVERSAL_ANSWER)).as("released once").isEqualTo(100_000_000);
    }

    @Test
    void repeatedReversalChangesNothing() throws Exception {
        CardRequest authorization = authorization(TestCards.EVERYDAY, 10_000);
        cardnetA.exchange(authorization.toIsoMsg());

        reverse(cardnetA, authorization, ReversalKind.ADVICE);
        ReversalResponse repeated = reverse(cardnetA, authorization, ReversalKind.ADVICE);
        ReversalResponse asRequest = reverse(cardnetA, authorization, ReversalKind.REVERSAL);

        assertThat(repeated.isApproved()).isTrue();
        assertThat(asRequest.isApproved()).isTrue();
        assertThat(available(TestCards.EVERYDAY)).isEqualTo(100_000);
    }

    @Test
    void reversalOfATransactionThatNeverArrivedIsAcknowledgedAndChangesNothing() throws Exception {
        CardRequest neverSent = authorization(TestCards.EVERYDAY, 10_000);

        ReversalResponse response = reverse(cardnetA, neverSent, ReversalKind.ADVICE);

        assertThat(response.isApproved()).isTrue();
        assertThat(available(TestCards.EVERYDAY)).isEqualTo(100_000);
    }

    @Test
    void noAnswerCardHoldsFundsUntilTheAcquirersReversal() throws Exception {
        CardRequest unanswered = authorization(TestCards.NO_ANSWER, 7_000);
        cardnetA.send(unanswered.toIsoMsg());
        boolean held = awaitAvailable(TestCards.NO_ANSWER, 100_000_000 - 7_000);
        ReversalResponse reversal = reverse(cardnetA, unanswered, ReversalKind.ADVICE);

        assertThat(held).as("funds held while unanswered").isTrue();
        assertThat(reversal.isApproved()).isTrue();
        assertThat(available(TestCards.NO_ANSWER)).isEqualTo(100_000_000);
    }

    @Test
    void financialRequestDebitsAndRefundCredits() throws Exception {
        CardRequest purchase = Requests.purchase(TestCards.CARDNET_B_EVERYDAY, 30_000);
        CardRequest refund = Requests.refund(TestCards.CARDNET_B_EVERYDAY, 5_000);

        CardResponse debited = CardResponse.fromIsoMsg(cardnetB.exchange(purchase.toIsoMsg()));
        long afterPurchase = available(TestCards.CARDNET_B_EVERYDAY);
        CardResponse credited = CardResponse.fromIsoMsg(cardnetB.exchange(refund.toIsoMsg()));

        assertThat(debited.isApproved()).isTrue();
        assertThat(credited.isApproved()).isTrue();
        assertThat(afterPurchase).isEqualTo(70_000);
        assertThat(available(TestCards.CARDNET_B_EVERYDAY)).isEqualTo(75_000);
        assertThat(account(TestCards.CARDNET_B_EVERYDAY).spentTodayMinor()).isEqualTo(30_000);
    }

    @Test
    void reversalOfARefundTakesTheCreditBack() throws Exception {
        CardRequest refund = Requests.refund(TestCards.CARDNET_B_EVERYDAY, 5_000);
        cardnetB.exchange(refund.toIsoMsg());

        ISOMsg answer = cardnetB.exchange(ReversalRequest.reversing(refund, ReversalKind.REVERSAL, Requests.nextStan(), Instant.now()).toIsoMsg());

        assertThat(ReversalResponse.fromIsoMsg(answer).isApproved()).isTrue();
        assertThat(available(TestCards.CARDNET_B_EVERYDAY)).isEqualTo(100_000);
    }

    @Test
    void duplicateRequestGetsTheFirstAnswerAndIsBookedOnce() throws Exception {
        CardRequest authorization = authorization(TestCards.EVERYDAY, 20_000);

        CardResponse first = CardResponse.fromIsoMsg(cardnetA.exchange(authorization.toIsoMsg()));
        CardResponse repeated;
        try (SimulatorClient reconnected = SimulatorClient.connect(simulator, config, "cardnet-a")) {
            repeated = CardResponse.fromIsoMsg(reconnected.exchange(authorization.toIsoMsg()));
        }

        assertThat(repeated).isEqualTo(first);
        assertThat(first.approvalCode()).isPresent();
        assertThat(available(TestCards.EVERYDAY)).isEqualTo(80_000);
    }

    @Test
    void journalNamesEachBookingAndEachUndoneBookingOnce() throws Exception {
        ListAppender<ILoggingEvent> journal = new ListAppender<>();
        Logger journalLogger = (Logger) LoggerFactory.getLogger("dev.paygate.simulator.journal");
        journal.start();
        journalLogger.addAppender(journal);
        try {
            CardRequest authorization = authorization(TestCards.EVERYDAY, 20_000);
            cardnetA.exchange(authorization.toIsoMsg());
            cardnetA.exchange(authorization.toIsoMsg());
            reverse(cardnetA, authorization, ReversalKind.ADVICE);
            reverse(cardnetA, authorization, ReversalKind.ADVICE);
            exchange(authorization(TestCards.DECLINE, 1_000));

            String stan = authorization.keyFields().stan().digits();
            assertThat(journal.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    "booked network=cardnet-a mti=0100 type=PURCHASE stan=" + stan + " rrn="
                            + authorization.keyFields().rrn() + " amount-minor=20000 currency=EUR",
                    "reversed network=cardnet-a mti=0100 type=PURCHASE stan=" + stan + " amount-minor=20000 currency=EUR");
        } finally {
            journalLogger.detachAppender(journal);
        }
    }

    @Test
    void sameTraceOnAnotherNetworkIsAnotherTransaction() throws Exception {
        CardRequest authorization = authorization(TestCards.EVERYDAY, 20_000);

        CardResponse onCardnetA = CardResponse.fromIsoMsg(cardnetA.exchange(authorization.toIsoMsg()));
        CardResponse onCardnetB = CardResponse.fromIsoMsg(cardnetB.exchange(authorization.toIsoMsg()));
        reverse(cardnetB, authorization, ReversalKind.REVERSAL);

        assertThat(onCardnetA.isApproved()).isTrue();
        assertThat(onCardnetB.isApproved()).isTrue();
        assertThat(onCardnetB.approvalCode()).isNotEqualTo(onCardnetA.approvalCode());
        assertThat(available(TestCards.EVERYDAY)).as("only cardnet-b's hold released").isEqualTo(80_000);
    }

    @Test
    void dailyLimitCountsApprovalsAndForgetsReversedOnes() throws Exception {
        CardRequest first = authorization(TestCards.DAILY_LIMIT, 4_000);
        assertThat(exchange(first).isApproved()).isTrue();

        assertThat(exchange(authorization(TestCards.DAILY_LIMIT, 1_500)).responseCode()).isEqualTo(ResponseCode.EXCEEDS_AMOUNT_LIMIT);
        reverse(cardnetA, first, ReversalKind.REVERSAL);
        assertThat(exchange(authorization(TestCards.DAILY_LIMIT, 1_500)).isApproved()).isTrue();
    }

    @Test
    void balanceRunsOutAtTheCentAndAZeroAmountOnlyChecksTheCard() throws Exception {
        assertThat(exchange(authorization(TestCards.INSUFFICIENT_FUNDS, 500)).isApproved()).isTrue();
        assertThat(exchange(authorization(TestCards.INSUFFICIENT_FUNDS, 1)).responseCode()).isEqualTo(ResponseCode.INSUFFICIENT_FUNDS);
        assertThat(exchange(authorization(TestCards.INSUFFICIENT_FUNDS, 0)).isApproved()).isTrue();
        assertThat(exchange(authorization(TestCards.BLOCKED, 0)).responseCode()).isEqualTo(ResponseCode.RESTRICTED_CARD);
        assertThat(available(TestCards.INSUFFICIENT_FUNDS)).isZero();
    }

    @Test
    void alwaysApproveCardApprovesBeyondItsBalance() throws Exception {
        assertThat(exchange(authorization(TestCards.ALWAYS_APPROVE, 999_999_999_999L)).isApproved()).isTrue();
        assertThat(available(TestCards.ALWAYS_APPROVE)).isNegative();
    }

    private CardResponse exchange(CardRequest request) throws Exception {
        return CardResponse.fromIsoMsg(cardnetA.exchange(request.toIsoMsg()));
    }

    private static ReversalResponse reverse(SimulatorClient client, CardRequest original, ReversalKind kind) throws Exception {
        Stan stan = Requests.nextStan();
        ReversalRequest reversal = ReversalRequest.reversing(original, kind, stan, Instant.now());
        ReversalResponse response = ReversalResponse.fromIsoMsg(client.exchange(reversal.toIsoMsg()));
        assertThat(response.kind()).isEqualTo(kind);
        assertThat(reversal.original().mti()).isEqualTo(Mti.AUTHORIZATION_REQUEST);
        return response;
    }

    /** Polls, bounded, for a balance an unanswered request will reach. */
    private boolean awaitAvailable(String pan, long expectedMinor) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(3);
        while (available(pan) != expectedMinor && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        return available(pan) == expectedMinor;
    }

    private long available(String pan) {
        return account(pan).availableMinor();
    }

    private AccountSnapshot account(String pan) {
        return simulator.account(pan).orElseThrow();
    }
}
