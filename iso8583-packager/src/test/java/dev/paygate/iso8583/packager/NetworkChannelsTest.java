package dev.paygate.iso8583.packager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.mac.MessageMac;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.NetworkManagementCode;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.iso8583.support.EchoIssuer;
import dev.paygate.iso8583.support.SampleMessages;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.ASCIIChannel;
import org.jpos.iso.channel.NACChannel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Client and server channels built from the same profile talk to each other over real TCP. */
class NetworkChannelsTest {

    static Stream<NetworkProfile> profiles() {
        return Stream.of(
                NetworkProfile.of("cardnet-a", PackagerDefinition.ISO87_BINARY, Framing.BINARY_LENGTH).withHeaderHex("6000000000"),
                NetworkProfile.of("cardnet-b", PackagerDefinition.ISO87_ASCII, Framing.ASCII_LENGTH),
                NetworkProfile.of("cardnet-mac", PackagerDefinition.ISO87_BINARY, Framing.BINARY_LENGTH)
                        .withMacKeyHex("0123456789ABCDEFFEDCBA9876543210"),
                NetworkProfile.of("cardnet-mac-ascii", PackagerDefinition.ISO87_ASCII, Framing.ASCII_LENGTH)
                        .withHeaderHex("49534F").withMacKeyHex("0123456789ABCDEFFEDCBA98765432100123456789ABCDEF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void clientAndServerChannelsOfAProfileExchangeMessages(NetworkProfile profile) throws Exception {
        try (EchoIssuer issuer = new EchoIssuer(profile)) {
            BaseChannel client = NetworkChannels.client(profile, "127.0.0.1", issuer.port(), 5_000);
            client.connect();
            try {
                client.send(SampleMessages.AUTHORIZATION_REQUEST.toIsoMsg());
                ISOMsg answer = client.receive();
                client.send(SampleMessages.REVERSAL_REQUEST.toIsoMsg());
                client.send(new NetworkManagementRequest(NetworkManagementCode.ECHO, Stan.of(7), Instant.now()).toIsoMsg());
                ISOMsg echo = client.receive();

                assertThat(CardResponse.fromIsoMsg(answer).approvalCode()).contains("ECHO01");
                assertThat(NetworkManagementResponse.fromIsoMsg(echo).stan()).isEqualTo(Stan.of(7));
                assertThat(answer.hasField(64)).isEqualTo(profile.mac().isPresent());
                assertThat(echo.hasField(128)).isEqualTo(profile.mac().isPresent());
            } finally {
                client.disconnect();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void framesOnTheWireAsTheFrameCodecExpects(NetworkProfile profile) throws Exception {
        try (EchoIssuer issuer = new EchoIssuer(profile);
                Socket socket = new Socket("127.0.0.1", issuer.port())) {
            socket.setSoTimeout(5_000);
            MessageCodec codec = new MessageCodec(profile.packager());
            FrameCodec frames = FrameCodec.forProfile(profile);
            ISOMsg echo = SampleMessages.ECHO.toIsoMsg();
            profile.mac().ifPresent(mac -> new MessageMac(mac).sign(echo, codec.packager()));
            OutputStream out = socket.getOutputStream();

            frames.write(profile.header(), codec.pack(echo), out);
            FrameCodec.Frame answer = frames.read(new DataInputStream(socket.getInputStream())).orElseThrow();

            assertThat(HexFormat.of().formatHex(answer.header())).isEqualToIgnoringCase(profile.headerHex());
            assertThat(codec.unpack(answer.message()).getString(0)).isEqualTo("0810");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void picksTheJposChannelOfTheFraming(NetworkProfile profile) {
        BaseChannel channel = NetworkChannels.client(profile, "127.0.0.1", 1, 1_000);

        assertThat(channel).isInstanceOf(profile.framing() == Framing.BINARY_LENGTH ? NACChannel.class : ASCIIChannel.class);
        assertThat(channel.getMaxPacketLength()).isEqualTo(FrameCodec.MAX_FRAME_BYTES_DEFAULT);
        assertThat(profile.toString()).doesNotContain("0123456789ABCDEF");
    }
}
