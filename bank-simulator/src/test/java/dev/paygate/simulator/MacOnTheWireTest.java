package dev.paygate.simulator;

import static dev.paygate.simulator.support.Requests.authorization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.mac.Iso9797Alg3Mac;
import dev.paygate.iso8583.mac.MessageMac;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.packager.NetworkProfile;
import dev.paygate.simulator.support.SimulatorClient;
import dev.paygate.simulator.support.Simulators;
import dev.paygate.simulator.support.TestCards;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jpos.iso.ISOFilter;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.ISOPackager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * cardnet-a MACs its messages (config/bank-simulator/simulator.yml): over real TCP the issuer verifies every
 * request's MAC, answers a bad one with 63 without booking anything, and signs every answer.
 */
class MacOnTheWireTest {

    private static final Iso9797Alg3Mac WRONG_KEY = Iso9797Alg3Mac.fromHex("00112233445566778899AABBCCDDEEFF");
    private static final Path LOG_FILE = Path.of("target", "bank-simulator-test.log");

    private static SimulatorConfig config;
    private static BankSimulator simulator;
    private static NetworkProfile cardnetA;

    @BeforeAll
    static void startSimulator() {
        config = Simulators.repositoryConfig();
        simulator = BankSimulator.start(config);
        cardnetA = SimulatorClient.profile(config, "cardnet-a");
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Test
    void everyAnswerCarriesAMacThatVerifiesWithTheNetworksKey() throws Exception {
        assertThat(cardnetA.mac()).as("cardnet-a MACs by default").isPresent();
        try (SimulatorClient client = unsignedClient()) {
            ISOMsg request = authorization(TestCards.ALWAYS_APPROVE, 1_000).toIsoMsg();
            new MessageMac(cardnetA.mac().orElseThrow()).sign(request, packager());
            ISOMsg answer = client.exchange(request);

            assertThat(answer.getString(39)).isEqualTo("00");
            assertThat(answer.hasField(64)).isTrue();
            assertThat(new MessageMac(cardnetA.mac().orElseThrow()).verify(answer, packager())).isTrue();
        }
    }

    @Test
    void aRequestSignedWithAnotherKeyIsAnswered63AndNothingIsBooked() throws Exception {
        long availableBeforeMinor = available(TestCards.EVERYDAY);
        CardRequest request = authorization(TestCards.EVERYDAY, 2_000);
        ISOMsg forged = request.toIsoMsg();
        new MessageMac(WRONG_KEY).sign(forged, packager());

        ISOMsg answer;
        try (SimulatorClient client = unsignedClient()) {
            answer = client.exchange(forged);
        }

        assertThat(CardResponse.fromIsoMsg(answer).responseCode()).isEqualTo(ResponseCode.SECURITY_VIOLATION);
        assertThat(answer.getString(11)).isEqualTo(request.keyFields().stan().digits());
        assertThat(new MessageMac(cardnetA.mac().orElseThrow()).verify(answer, packager())).as("signed").isTrue();
        assertThat(available(TestCards.EVERYDAY)).isEqualTo(availableBeforeMinor);
        String log = Files.readString(LOG_FILE, StandardCharsets.UTF_8);
        assertThat(log).contains("cardnet-a refused 0100 STAN " + request.keyFields().stan().digits()
                + " terminal TERM0001: MAC missing or invalid, answered 63");
        assertThat(log).as("the demo key of simulator.yml").doesNotContainIgnoringCase(SimulatorConfig.DEMO_MAC_KEY_HEX)
                .doesNotContain(TestCards.EVERYDAY);
    }

    @Test
    void aRequestWithoutMacIsAnswered63() throws Exception {
        try (SimulatorClient client = unsignedClient()) {
            ISOMsg answer = client.exchange(authorization(TestCards.ALWAYS_APPROVE, 1_000).toIsoMsg());

            assertThat(answer.getString(39)).isEqualTo("63");
        }
    }

    @Test
    void anAnswerSignedWithAnotherKeyIsDiscardedByTheAcquirersChannel() throws Exception {
        try (SimulatorClient client = SimulatorClient.connect(simulator, config, "cardnet-a")) {
            client.send(authorization(TestCards.BAD_MAC, 1_000).toIsoMsg());

            assertThatThrownBy(client::receive).isInstanceOf(ISOFilter.VetoException.class)
                    .hasMessageContaining("MAC missing or invalid on 0110");
        }
    }

    /** A cardnet-a client that neither signs nor checks: the test signs, or not, by hand. */
    private static SimulatorClient unsignedClient() {
        NetworkProfile unsigned = new NetworkProfile(cardnetA.name(), cardnetA.packager(), cardnetA.framing(),
                cardnetA.headerHex(), Optional.empty());
        return SimulatorClient.connect(simulator, unsigned, "cardnet-a", SimulatorClient.READ_TIMEOUT_MILLIS);
    }

    private static ISOPackager packager() {
        return cardnetA.packager().newPackager();
    }

    private static long available(String pan) {
        return simulator.account(pan).orElseThrow().availableMinor();
    }
}
