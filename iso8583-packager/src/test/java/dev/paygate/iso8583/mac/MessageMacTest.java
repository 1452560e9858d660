package dev.paygate.iso8583.mac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.iso8583.packager.MessageCodec;
import dev.paygate.iso8583.packager.PackagerDefinition;
import dev.paygate.iso8583.support.SampleMessages;
import java.util.Arrays;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessageMacTest {

    private static final Iso9797Alg3Mac MAC = Iso9797Alg3Mac.fromHex("0123456789ABCDEFFEDCBA9876543210");

    @ParameterizedTest
    @EnumSource(PackagerDefinition.class)
    void signsDataElement64OverTheMessageBeforeIt(PackagerDefinition definition) {
        MessageCodec codec = new MessageCodec(definition);
        ISOMsg message = SampleMessages.AUTHORIZATION_REQUEST.toIsoMsg();

        new MessageMac(MAC).sign(message, codec.packager());

        byte[] packed = codec.pack(message);
        int macBytesOnWire = definition == PackagerDefinition.ISO87_BINARY ? 8 : 16;
        byte[] covered = Arrays.copyOf(packed, packed.length - macBytesOnWire);
        assertThat(message.getBytes(64)).isEqualTo(MAC.compute(covered));
        assertThat(message.hasField(128)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PackagerDefinition.class)
    void usesDataElement128WhenThereIsASecondaryBitmap(PackagerDefinition definition) {
        MessageCodec codec = new MessageCodec(definition);
        ISOMsg reversal = SampleMessages.REVERSAL_REQUEST.toIsoMsg();

        new MessageMac(MAC).sign(reversal, codec.packager());

        assertThat(reversal.hasField(128)).isTrue();
        assertThat(reversal.hasField(64)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PackagerDefinition.class)
    void verifiesAfterTheWireAndCatchesTampering(PackagerDefinition definition) {
        MessageCodec codec = new MessageCodec(definition);
        MessageMac messageMac = new MessageMac(MAC);
        ISOMsg signed = SampleMessages.SIGN_ON.toIsoMsg();
        messageMac.sign(signed, codec.packager());
        ISOMsg received = codec.unpack(codec.pack(signed));

        assertThat(messageMac.verify(received, codec.packager())).isTrue();
        received.set(11, "000002");
        assertThat(messageMac.verify(received, codec.packager())).isFalse();
        received.unset(128);
        assertThat(messageMac.verify(received, codec.packager())).isFalse();
        assertThat(new MessageMac(Iso9797Alg3Mac.fromHex("00112233445566778899AABBCCDDEEFF"))
                .verify(codec.unpack(codec.pack(signed)), codec.packager())).isFalse();
    }
}
