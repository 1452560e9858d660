package dev.paygate.simulator;

import static dev.paygate.simulator.support.Requests.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.simulator.support.Requests;
import dev.paygate.simulator.support.SimulatorClient;
import dev.paygate.simulator.support.Simulators;
import dev.paygate.simulator.support.TestCards;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every test card of the README, over real TCP, on both networks' wire formats. */
class TestCardsTest {

    private static final String[] ENDPOINTS = {"cardnet-a", "cardnet-b"};

    private static SimulatorConfig config;
    private static BankSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        config = Simulators.repositoryConfig();
        simulator = BankSimulator.start(config);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    static Stream<Arguments> cardsAndTheirAnswers() {
        return Stream.of(ENDPOINTS).flatMap(endpoint -> Stream.of(
                Arguments.of(endpoint, "always approves", authorization(TestCards.ALWAYS_APPROVE, 123_456), ResponseCode.APPROVED),
                Arguments.of(endpoint, "everyday card within balance", authorization(TestCards.EVERYDAY, 4_000), ResponseCode.APPROVED),
                Arguments.of(endpoint, "cardnet-b range", authorization(TestCards.CARDNET_B_ALWAYS_APPROVE, 9_900), ResponseCode.APPROVED),
                Arguments.of(endpoint, "decline card", authorization(TestCards.DECLINE, 1_000), ResponseCode.DO_NOT_HONOUR),
                Arguments.of(endpoint, "cardnet-b decline", authorization(TestCards.CARDNET_B_DECLINE, 1_000), ResponseCode.DO_NOT_HONOUR),
                Arguments.of(endpoint, "unknown card", authorization(TestCards.UNKNOWN, 1_000), ResponseCode.INVALID_CARD_NUMBER),
                Arguments.of(endpoint, "wrong expiry", authorization(TestCards.EVERYDAY, TestCards.EXPIRY.minusMonths(1), 1_000, "EUR"),
                        ResponseCode.INVALID_CARD_NUMBER),
                Arguments.of(endpoint, "over EUR 5.00", authorization(TestCards.INSUFFICIENT_FUNDS, 501), ResponseCode.INSUFFICIENT_FUNDS),
                Arguments.of(endpoint, "cardnet-b over EUR 5.00", authorization(TestCards.CARDNET_B_INSUFFICIENT_FUNDS, 600),
                        ResponseCode.INSUFFICIENT_FUNDS),
                Arguments.of(endpoint, "expired card", authorization(TestCards.EXPIRED_CARD, TestCards.EXPIRED, 1_000, "EUR"),
                        ResponseCode.EXPIRED_CARD),
                Arguments.of(endpoint, "lost card", authorization(TestCards.LOST, 1_000), ResponseCode.NOT_PERMITTED_TO_CARDHOLDER),
                Arguments.of(endpoint, "EUR on a USD account", authorization(TestCards.USD_ACCOUNT, TestCards.EXPIRY, 1_000, "EUR"),
                        ResponseCode.NOT_PERMITTED_TO_CARDHOLDER),
                Arguments.of(endpoint, "over the daily limit", authorization(TestCards.DAILY_LIMIT, 5_001), ResponseCode.EXCEEDS_AMOUNT_LIMIT),
                Arguments.of(endpoint, "blocked card", authorization(TestCards.BLOCKED, 1_000), ResponseCode.RESTRICTED_CARD),
                Arguments.of(endpoint, "issuer unavailable", authorization(TestCards.ISSUER_UNAVAILABLE, 1_000), ResponseCode.ISSUER_UNAVAILABLE),
                Arguments.of(endpoint, "system error", authorization(TestCards.SYSTEM_ERROR, 1_000), ResponseCode.SYSTEM_MALFUNCTION)));
    }

    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @MethodSource("cardsAndTheirAnswers")
    void answersEachTestCardWithItsResponseCodeAndEchoesTheKeyFields(
            String endpoint, String card, CardRequest request, ResponseCode expected) throws Exception {
        try (SimulatorClient client = SimulatorClient.connect(simulator, config, endpoint)) {
            CardResponse response = CardResponse.fromIsoMsg(client.exchange(request.toIsoMsg()));

            assertThat(response.responseCode()).isEqualTo(expected);
            assertThat(response.keyFields()).isEqualTo(request.keyFields());
            assertThat(response.approvalCode().isPresent()).isEqualTo(expected.isApproval());
            response.approvalCode().ifPresent(code -> assertThat(code).matches("[A-Z0-9]{6}"));
        }
    }

    static Stream<Arguments> delayedCards() {
        return Stream.of(ENDPOINTS).flatMap(endpoint -> Stream.of(
                Arguments.of(endpoint, TestCards.SLOW, Simulators.SLOW_DELAY),
                Arguments.of(endpoint, TestCards.LATE, Simulators.LATE_DELAY)));
    }

    @ParameterizedTest(name = "{0}: {1} after {2}")
    @MethodSource("delayedCards")
    void slowAndLateCardsAreApprovedAfterTheirConfiguredDelay(String endpoint, String pan, Duration delay)
            throws Exception {
        try (SimulatorClient client = SimulatorClient.connect(simulator, config, endpoint)) {
            long startNanos = System.nanoTime();
            CardResponse response = CardResponse.fromIsoMsg(client.exchange(authorization(pan, 1_000).toIsoMsg()));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);

            assertThat(response.isApproved()).isTrue();
            assertThat(elapsed).isBetween(delay, delay.plusSeconds(2));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cardnet-a", "cardnet-b"})
    void slowAnswerDoesNotHoldBackOtherAnswersOnTheSameConnection(String endpoint) throws Exception {
        try (SimulatorClient client = SimulatorClient.connect(simulator, config, endpoint)) {
            CardRequest slow = authorization(TestCards.SLOW, 1_000);
            CardRequest quick = authorization(TestCards.ALWAYS_APPROVE, 1_000);
            client.send(slow.toIsoMsg());
            client.send(quick.toIsoMsg());

            ISOMsg first = client.receive();
            ISOMsg second = client.receive();

            assertThat(first.getString(11)).isEqualTo(quick.keyFields().stan().digits());
            assertThat(second.getString(11)).isEqualTo(slow.keyFields().stan().digits());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cardnet-a", "cardnet-b"})
    void noAnswerCardLeavesTheAcquirerToTimeOutButKeepsTheConnection(String endpoint) throws Exception {
        try (SimulatorClient client = SimulatorClient.connect(simulator, SimulatorClient.profile(config, endpoint), endpoint, 800)) {
            client.send(authorization(TestCards.NO_ANSWER, 1_000).toIsoMsg());

            assertThatThrownBy(client::receive).isInstanceOf(SocketTimeoutException.class);
        }
        try (SimulatorClient client = SimulatorClient.connect(simulator, config, endpoint)) {
            ISOMsg echo = client.exchange(Requests.networkManagement(NetworkManagementCode.ECHO).toIsoMsg());
            assertThat(NetworkManagementResponse.fromIsoMsg(echo).isApproved()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cardnet-a", "cardnet-b"})
    void closeConnectionCardDropsTheLinkInsteadOfAnswering(String endpoint) throws Exception {
        try (SimulatorClient client = SimulatorClient.connect(simulator, config, endpoint)) {
            client.send(authorization(TestCards.CLOSE_CONNECTION, 1_000).toIsoMsg());

            assertThatThrownBy(client::receive).isInstanceOfAny(EOFException.class, IOException.class);
        }
        try (SimulatorClient reconnected = SimulatorClient.connect(simulator, config, endpoint)) {
            assertThat(CardResponse.fromIsoMsg(reconnected.exchange(authorization(TestCards.ALWAYS_APPROVE, 100).toIsoMsg()))
                    .isApproved()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cardnet-a", "cardnet-b"})
    void garbageCardAnswersAFrameThatDoesNotUnpack(String endpoint) throws Exception {
        try (SimulatorClient client = SimulatorClient.connect(simulator, config, endpoint)) {
            client.send(authorization(TestCards.GARBAGE, 1_000).toIsoMsg());

            assertThatThrownBy(client::receive).isInstanceOf(ISOException.class);
        }
    }
}
