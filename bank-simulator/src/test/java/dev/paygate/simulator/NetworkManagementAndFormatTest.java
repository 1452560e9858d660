package dev.paygate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.iso8583.packager.NetworkProfile;
import dev.paygate.simulator.support.Requests;
import dev.paygate.simulator.support.SimulatorClient;
import dev.paygate.simulator.support.Simulators;
import dev.paygate.simulator.support.TestCards;
import java.util.ArrayList;
import java.util.List;
import org.jpos.iso.ISOFilter;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkManagementAndFormatTest {

    private static final String MAC_KEY_HEX = "0123456789ABCDEFFEDCBA9876543210";

    private static SimulatorConfig config;
    private static BankSimulator simulator;

    @BeforeAll
    static void startSimulator() {
        SimulatorConfig repository = Simulators.repositoryConfig();
        NetworkProfile macProfile = SimulatorClient.profile(repository, "cardnet-a").withMacKeyHex(MAC_KEY_HEX);
        NetworkProfile cardnetMac = new NetworkProfile("cardnet-mac", macProfile.packager(), macProfile.framing(),
                macProfile.headerHex(), macProfile.mac());
        List<EndpointConfig> endpoints = new ArrayList<>(repository.endpoints());
        endpoints.add(new EndpointConfig(cardnetMac, "127.0.0.1", 0));
        config = new SimulatorConfig(endpoints, repository.cardsFile(), repository.slowDelay(), repository.idleTimeout(),
                repository.sessionsMax());
        simulator = BankSimulator.start(config);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @ParameterizedTest
    @EnumSource(NetworkManagementCode.class)
    void answersSignOnSignOffAndEchoOnEveryEndpoint(NetworkManagementCode code) throws Exception {
        for (String endpoint : List.of("cardnet-a", "cardnet-b", "cardnet-mac")) {
            try (SimulatorClient client = SimulatorClient.connect(simulator, config, endpoint)) {
                NetworkManagementRequest request = Requests.networkManagement(code);

                NetworkManagementResponse response = NetworkManagementResponse.fromIsoMsg(client.exchange(request.toIsoMsg()));

                assertThat(response.isApproved()).isTrue();
                assertThat(response.code()).isEqualTo(code);
                assertThat(response.stan()).isEqualTo(request.stan());
                assertThat(response.transmittedAt()).isEqualTo(request.transmittedAt());
            }
        }
    }

    @Test
    void macNetworkSignsItsAnswersAndAClientWithAnotherKeyTrustsNoneOfThem() throws Exception {
        NetworkProfile rightKey = SimulatorClient.profile(config, "cardnet-mac");
        NetworkProfile wrongKey = rightKey.withMacKeyHex("00112233445566778899AABBCCDDEEFF");
        try (SimulatorClient client = SimulatorClient.connect(simulator, rightKey, "cardnet-mac", 3_000)) {
            ISOMsg answer = client.exchange(Requests.authorization(TestCards.ALWAYS_APPROVE, 1_000).toIsoMsg());

            assertThat(CardResponse.fromIsoMsg(answer).isApproved()).isTrue();
            assertThat(answer.hasField(64)).isTrue();
        }
        // The issuer answers the wrongly signed request 63 (MacOnTheWireTest), signed with its own key, which this
        // client's channel refuses in turn.
        try (SimulatorClient client = SimulatorClient.connect(simulator, wrongKey, "cardnet-mac", 3_000)) {
            client.send(Requests.authorization(TestCards.ALWAYS_APPROVE, 1_000).toIsoMsg());

            assertThatThrownBy(client::receive).isInstanceOf(ISOFilter.VetoException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cardnet-a", "cardnet-b"})
    void answersAMalformedRequestWithFormatError(String endpoint) throws Exception {
        ISOMsg withoutAmount = Requests.authorization(TestCards.ALWAYS_APPROVE, 1_000).toIsoMsg();
        withoutAmount.unset(4);
        ISOMsg unknownProcessingCode = Requests.authorization(TestCards.ALWAYS_APPROVE, 1_000).toIsoMsg();
        unknownProcessingCode.set(3, "310000");
        try (SimulatorClient client = SimulatorClient.connect(simulator, config, endpoint)) {
            ISOMsg first = client.exchange(withoutAmount);
            ISOMsg second = client.exchange(unknownProcessingCode);

            assertThat(first.getString(0)).isEqualTo("0110");
            assertThat(first.getString(39)).isEqualTo(ResponseCode.FORMAT_ERROR.code());
            assertThat(first.getString(11)).isEqualTo(withoutAmount.getString(11));
            assertThat(second.getString(39)).isEqualTo(ResponseCode.FORMAT_ERROR.code());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cardnet-a", "cardnet-b"})
    void answersAnUnsupportedRequestTypeWithFormatError(String endpoint) throws Exception {
        ISOMsg fileUpdate = new ISOMsg("0300");
        fileUpdate.set(11, "000042");
        fileUpdate.set(41, "TERM0001");
        try (SimulatorClient client = SimulatorClient.connect(simulator, config, endpoint)) {
            ISOMsg answer = client.exchange(fileUpdate);

            assertThat(answer.getString(0)).isEqualTo("0310");
            assertThat(answer.getString(39)).isEqualTo("30");
            assertThat(answer.getString(11)).isEqualTo("000042");
        }
    }

}
