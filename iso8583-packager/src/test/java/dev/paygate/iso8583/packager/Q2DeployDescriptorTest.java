package dev.paygate.iso8583.packager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.iso8583.support.EchoIssuer;
import dev.paygate.iso8583.support.SampleMessages;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.MUX;
import org.jpos.q2.Q2;
import org.jpos.q2.iso.QMUX;
import org.jpos.util.NameRegistrar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel and MUX descriptors documented in the README, deployed by a real Q2: our XML
 * packagers load through {@code packager-config="jar:..."}, the TPDU header and the MacFilter
 * are configured from XML, and requests get their answers through QMUX.
 */
class Q2DeployDescriptorTest {

    private static final List<String> DESCRIPTORS = List.of(
            "10_cardnet-a_channel.xml", "10_cardnet-b_channel.xml", "20_cardnet-a_mux.xml", "20_cardnet-b_mux.xml");
    private static final String MAC_KEY_HEX = "0123456789ABCDEFFEDCBA9876543210";
    private static final Duration STARTUP_MAX = Duration.ofSeconds(30);
    private static final long ANSWER_TIMEOUT_MILLIS = 5_000;

    @Test
    void documentedDescriptorsConnectAndExchangeMessages(@TempDir Path deployDirectory) throws Exception {
        for (String descriptor : DESCRIPTORS) {
            try (InputStream in = getClass().getResourceAsStream("/q2-deploy/" + descriptor)) {
                Files.copy(in, deployDirectory.resolve(descriptor));
            }
        }
        assertThat(Files.readString(deployDirectory.resolve("10_cardnet-a_channel.xml")))
                .contains("value=\"" + PackagerDefinition.ISO87_BINARY.packagerConfig() + "\"");
        assertThat(Files.readString(deployDirectory.resolve("10_cardnet-b_channel.xml")))
                .contains("value=\"" + PackagerDefinition.ISO87_ASCII.packagerConfig() + "\"");
        NetworkProfile cardnetA = NetworkProfile.of("cardnet-a", PackagerDefinition.ISO87_BINARY, Framing.BINARY_LENGTH)
                .withHeaderHex("6000000000");
        NetworkProfile cardnetB = NetworkProfile.of("cardnet-b", PackagerDefinition.ISO87_ASCII, Framing.ASCII_LENGTH)
                .withMacKeyHex(MAC_KEY_HEX);
        try (EchoIssuer issuerA = new EchoIssuer(cardnetA); EchoIssuer issuerB = new EchoIssuer(cardnetB)) {
            System.setProperty("network.cardnet-a.port", Integer.toString(issuerA.port()));
            System.setProperty("network.cardnet-b.port", Integer.toString(issuerB.port()));
            System.setProperty("network.cardnet-b.mac-key-hex", MAC_KEY_HEX);
            Q2 q2 = new Q2(new String[] {"-d", deployDirectory.toString(), "--no-jfr", "--no-shutdown-hook", "--no-scan"});
            q2.start();
            try {
                assertThat(q2.ready(STARTUP_MAX.toMillis())).as("Q2 ready").isTrue();

                for (String network : List.of("cardnet-a", "cardnet-b")) {
                    MUX mux = connectedMux(network + "-mux");
                    ISOMsg authorization = mux.request(SampleMessages.AUTHORIZATION_REQUEST.toIsoMsg(), ANSWER_TIMEOUT_MILLIS);
                    ISOMsg echo = mux.request(SampleMessages.ECHO.toIsoMsg(), ANSWER_TIMEOUT_MILLIS);

                    assertThat(authorization).as(network + " 0110").isNotNull();
                    assertThat(CardResponse.fromIsoMsg(authorization).isApproved()).isTrue();
                    assertThat(NetworkManagementResponse.fromIsoMsg(echo).stan()).isEqualTo(SampleMessages.ECHO.stan());
                }
            } finally {
                q2.shutdown(true);
                System.clearProperty("network.cardnet-a.port");
                System.clearProperty("network.cardnet-b.port");
                System.clearProperty("network.cardnet-b.mac-key-hex");
            }
        }
    }

    private static MUX connectedMux(String name) throws NameRegistrar.NotFoundException, InterruptedException {
        QMUX mux = (QMUX) QMUX.getMUX(name);
        Instant deadline = Instant.now().plus(STARTUP_MAX);
        while (!mux.isConnected() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(mux.isConnected()).as(name + " connected").isTrue();
        return mux;
    }

}
