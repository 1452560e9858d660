package dev.paygate.routes.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.mac.Iso9797Alg3Mac;
import dev.paygate.iso8583.mac.MacKeys;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.iso8583.packager.PackagerDefinition;
import dev.paygate.routes.card.Acceptor;
import dev.paygate.routes.card.CardOperation;
import dev.paygate.routes.support.BackUnitTestRuntime;
import dev.paygate.simulator.BankSimulator;
import dev.paygate.simulator.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jpos.iso.ISOMsg;
import org.jpos.q2.iso.QMUX;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * The jPOS descriptors the back unit deploys, read from {@code config/routes/deploy/} itself with the network
 * settings of {@code config/application.yml}, the way the back unit starts them ({@link Q2Runtime}), against the
 * bank simulator over TCP: Q2 deploys every descriptor, each network's packager loads through
 * {@code packager-config="jar:..."} with its framing and header, each link connects, carries 0800s but no payment
 * until its sign-on is accepted, and then gets an 0110 to its 0100 through its MUX.
 */
class DeployDescriptorsTest {

    private static final Path DEPLOY = BackUnitTestRuntime.CONFIG.resolve("routes/deploy");
    private static final Duration CONNECT_MAX = Duration.ofSeconds(30);
    private static final long ANSWER_TIMEOUT_MS = 5_000;
    private static final Acceptor ACCEPTOR = new Acceptor("TERM0001", "SHOP00000000001",
            "Test shop                Berlin       DE", "5814");

    @Test
    void theRepositorysDescriptorsDeployAndEachLinkSignsOnBeforeItCarriesAPayment(@TempDir Path work) throws Exception {
        assertThat(Files.readString(DEPLOY.resolve("10_cardnet-a_channel.xml")))
                .contains("value=\"" + PackagerDefinition.ISO87_BINARY.packagerConfig() + "\"")
                .contains("class=\"org.jpos.iso.channel.NACChannel\"", "class=\"" + CardLinkAdaptor.class.getName() + "\"");
        assertThat(Files.readString(DEPLOY.resolve("10_cardnet-b_channel.xml")))
                .contains("value=\"" + PackagerDefinition.ISO87_ASCII.packagerConfig() + "\"")
                .contains("class=\"org.jpos.iso.channel.ASCIIChannel\"", "class=\"" + CardLinkAdaptor.class.getName() + "\"");
        try (BankSimulator simulator = BankSimulator.start(SimulatorConfig.load(
                BackUnitTestRuntime.CONFIG.resolve("bank-simulator/simulator.yml")).withEphemeralPorts())) {
            CardNetworkProperties settings = repositorySettings(simulator, work);
            // cardnet-a MACs (the channel's filter is on by default); the simulator knows the demo key.
            MacKeys.register("cardnet-a", Iso9797Alg3Mac.fromHex(SimulatorConfig.DEMO_MAC_KEY_HEX));
            try (Q2Runtime q2 = Q2Runtime.start(settings)) {
                signOnAndPay(new CardNetworks(settings));
            } finally {
                MacKeys.unregister("cardnet-a");
            }
        }
    }

    private static void signOnAndPay(CardNetworks networks) throws Exception {
        assertThat(networks.names()).containsExactlyInAnyOrder("cardnet-a", "cardnet-b");
        for (String network : networks.names()) {
            CardLink link = networks.link(network);
            await().atMost(CONNECT_MAX).until(() -> link.status().state() == LinkState.CONNECTED);
            assertThat(QMUX.getMUX(network + "-mux").isConnected()).as(network + " MUX ready before sign-on").isFalse();
            assertThat(link.exchange(authorization(network, 1), ANSWER_TIMEOUT_MS)).as(network + " payment before sign-on")
                    .isEqualTo(LinkAnswer.NOT_SENT);

            long connection = link.adaptor().connection();
            LinkAnswer signOn = link.exchange(new NetworkManagementRequest(NetworkManagementCode.SIGN_ON, Stan.of(2),
                    Instant.now()).toIsoMsg(), ANSWER_TIMEOUT_MS);
            assertThat(signOn).isInstanceOf(LinkAnswer.Answered.class);
            assertThat(NetworkManagementResponse.fromIsoMsg(((LinkAnswer.Answered) signOn).message()).isApproved()).isTrue();
            assertThat(link.adaptor().signedOn(connection)).isTrue();

            assertThat(QMUX.getMUX(network + "-mux").isConnected()).as(network + " MUX ready once signed on").isTrue();
            ISOMsg answer = link.request(authorization(network, 3), ANSWER_TIMEOUT_MS);
            assertThat(answer).as(network + " answer").isNotNull();
            assertThat(CardResponse.fromIsoMsg(answer).isApproved()).isTrue();
        }
    }

    /** {@code paygate.card} as config/application.yml has it, pointed at the simulator and a scratch work directory. */
    private static CardNetworkProperties repositorySettings(BankSimulator simulator, Path work) throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        sources.add(new MapPropertySource("test", Map.of(
                "paygate.card.deploy-directory", DEPLOY.toString(),
                "paygate.card.work-directory", work.toString(),
                "paygate.card.networks.cardnet-a.port", simulator.port("cardnet-a"),
                "paygate.card.networks.cardnet-b.port", simulator.port("cardnet-b"))));
        sources.addAll(new YamlPropertySourceLoader().load("application.yml",
                new FileSystemResource(BackUnitTestRuntime.CONFIG.resolve("application.yml"))));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("paygate.card", CardNetworkProperties.class).get();
    }

    private static ISOMsg authorization(String network, int stan) {
        boolean singleMessage = network.equals("cardnet-b");
        return CardOperation.purchase("descriptor-test", 4_250, "EUR").toRequest(singleMessage,
                singleMessage ? "5100000000000008" : "4000000000000002", YearMonth.of(2049, 12), Stan.of(stan),
                Instant.now(), "12345678901", ACCEPTOR).toIsoMsg();
    }
}
