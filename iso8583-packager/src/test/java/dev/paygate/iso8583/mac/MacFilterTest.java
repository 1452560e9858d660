package dev.paygate.iso8583.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paygate.iso8583.packager.Framing;
import dev.paygate.iso8583.packager.MessageCodec;
import dev.paygate.iso8583.packager.NetworkChannels;
import dev.paygate.iso8583.packager.NetworkProfile;
import dev.paygate.iso8583.packager.PackagerDefinition;
import dev.paygate.iso8583.support.SampleMessages;
import java.util.Properties;
import org.jpos.core.ConfigurationException;
import org.jpos.core.SimpleConfiguration;
import org.jpos.iso.BaseChannel;
import org.jpos.iso.ISOFilter;
import org.jpos.iso.ISOMsg;
import org.jpos.util.LogEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MacFilterTest {

    private static final String KEY_HEX = "0123456789ABCDEFFEDCBA9876543210";
    private static final String OTHER_KEY_HEX = "00112233445566778899AABBCCDDEEFF";
    private static final NetworkProfile PROFILE =
            NetworkProfile.of("cardnet-test", PackagerDefinition.ISO87_BINARY, Framing.BINARY_LENGTH);

    private final BaseChannel channel = NetworkChannels.client(PROFILE, "127.0.0.1", 1, 1_000);
    private final MessageCodec codec = new MessageCodec(PackagerDefinition.ISO87_BINARY);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(MacFilter.class)).addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(MacFilter.class)).detachAppender(logged);
        MacKeys.unregister("cardnet-test");
    }

    @Test
    void signsWhatItSendsAndPassesAnAnswerSignedWithTheSameKey() throws Exception {
        MacFilter ours = new MacFilter("cardnet-test", Iso9797Alg3Mac.fromHex(KEY_HEX));
        MacFilter theirs = new MacFilter("cardnet-test", Iso9797Alg3Mac.fromHex(KEY_HEX));

        ISOMsg sent = ours.filter(channel, SampleMessages.AUTHORIZATION_REQUEST.toIsoMsg(), new LogEvent());
        ISOMsg received = theirs.filter(channel, asReceived(sent), new LogEvent());

        assertThat(sent.hasField(64)).isTrue();
        assertThat(received.getString(11)).isEqualTo("000123");
        assertThat(logged.list).isEmpty();
    }

    @Test
    void discardsAnAnswerSignedWithAnotherKeyAndLogsItWithoutKeyOrCard() throws Exception {
        MacFilter issuer = new MacFilter("cardnet-test", Iso9797Alg3Mac.fromHex(OTHER_KEY_HEX));
        MacFilter acquirer = new MacFilter("cardnet-test", Iso9797Alg3Mac.fromHex(KEY_HEX));
        ISOMsg answer = issuer.filter(channel, SampleMessages.AUTHORIZATION_RESPONSE.toIsoMsg(), new LogEvent());

        assertThatThrownBy(() -> acquirer.filter(channel, asReceived(answer), new LogEvent()))
                .isInstanceOf(ISOFilter.VetoException.class)
                .hasMessageContaining("0110 STAN 000123");

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage())
                    .contains("MAC missing or invalid on 0110 STAN 000123 terminal TERM0001 from cardnet-test")
                    .doesNotContain(KEY_HEX).doesNotContain(OTHER_KEY_HEX)
                    .doesNotContain(SampleMessages.PAN.digits());
        });
    }

    @Test
    void discardsAnAnswerWithoutMac() {
        MacFilter acquirer = new MacFilter("cardnet-test", Iso9797Alg3Mac.fromHex(KEY_HEX));

        assertThatThrownBy(() -> acquirer.filter(channel,
                asReceived(SampleMessages.AUTHORIZATION_RESPONSE.toIsoMsg()), new LogEvent()))
                .isInstanceOf(ISOFilter.VetoException.class);
    }

    @Test
    void takesTheKeyRegisteredForItsNetworkFromADescriptor() throws Exception {
        MacKeys.register("cardnet-test", Iso9797Alg3Mac.fromHex(KEY_HEX));
        MacFilter configured = new MacFilter();
        configured.setConfiguration(configuration("network", "cardnet-test"));
        MacFilter reference = new MacFilter("cardnet-test", Iso9797Alg3Mac.fromHex(KEY_HEX));

        ISOMsg signed = configured.filter(channel, SampleMessages.ECHO.toIsoMsg(), new LogEvent());

        assertThat(reference.filter(channel, asReceived(signed), new LogEvent())).isNotNull();
    }

    @Test
    void refusesADescriptorWithoutKeyNamingTheNetworkOnly() {
        MacFilter configured = new MacFilter();

        assertThatThrownBy(() -> configured.setConfiguration(configuration("network", "cardnet-test")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cardnet-test has no key");
    }

    /** What the far side's channel hands its filters: the message unpacked from the wire, marked incoming. */
    private ISOMsg asReceived(ISOMsg sent) {
        ISOMsg received = codec.unpack(codec.pack(sent));
        received.setPackager(codec.packager());
        received.setDirection(ISOMsg.INCOMING);
        return received;
    }

    private static SimpleConfiguration configuration(String name, String value) {
        Properties properties = new Properties();
        properties.setProperty(name, value);
        return new SimpleConfiguration(properties);
    }
}
