package dev.paygate.iso8583.packager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.paygate.iso8583.field.PackagingException;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.support.SampleMessages;
import dev.paygate.iso8583.support.Vectors;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Broken input gives a PackagingException that says what is wrong, quickly. */
class MalformedInputTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);
    private static final String AUTHORIZATION = "0100-authorization-request";

    @ParameterizedTest
    @EnumSource(PackagerDefinition.class)
    void rejectsEveryTruncationOfAMessage(PackagerDefinition definition) {
        MessageCodec codec = new MessageCodec(definition);
        byte[] vector = Vectors.read(definition, AUTHORIZATION);

        assertTimeoutPreemptively(QUICKLY, () -> {
            for (int length = 0; length < vector.length; length++) {
                byte[] truncated = Arrays.copyOf(vector, length);
                assertThatThrownBy(() -> codec.unpack(truncated)).as("cut at %d", length).isInstanceOf(PackagingException.class);
            }
        });
    }

    @Test
    void rejectsABinaryBitmapAnnouncingElementsThatAreNotThere() {
        byte[] vector = Vectors.read(PackagerDefinition.ISO87_BINARY, AUTHORIZATION);
        vector[2 + 7] |= 0x7F; // bits 58 to 64 of the primary bitmap

        assertThatThrownBy(() -> new MessageCodec(PackagerDefinition.ISO87_BINARY).unpack(vector))
                .isInstanceOf(PackagingException.class)
                .hasMessageContaining("cannot unpack");
    }

    @Test
    void rejectsAnAsciiBitmapThatIsNotHex() {
        byte[] vector = Vectors.read(PackagerDefinition.ISO87_ASCII, AUTHORIZATION);
        vector[6] = 'Z';

        assertThatThrownBy(() -> new MessageCodec(PackagerDefinition.ISO87_ASCII).unpack(vector))
                .isInstanceOfSatisfying(PackagingException.class, e -> assertThat(e.dataElement()).contains(1))
                .hasMessageContaining("bitmap is not hex digits");
    }

    @Test
    void rejectsBytesLeftAfterTheLastElement() {
        byte[] vector = Vectors.read(PackagerDefinition.ISO87_BINARY, AUTHORIZATION);
        byte[] longer = Arrays.copyOf(vector, vector.length + 3);

        assertThatThrownBy(() -> new MessageCodec(PackagerDefinition.ISO87_BINARY).unpack(longer))
                .hasMessage("MTI 0100: 3 bytes left after the last data element");
    }

    @Test
    void rejectsAnMtiThatIsNotIso8583Of1987() {
        byte[] ascii = Vectors.read(PackagerDefinition.ISO87_ASCII, AUTHORIZATION);
        ascii[0] = '2';
        byte[] binary = Vectors.read(PackagerDefinition.ISO87_BINARY, AUTHORIZATION);
        binary[1] = 0x1A;

        assertThatThrownBy(() -> new MessageCodec(PackagerDefinition.ISO87_ASCII).unpack(ascii))
                .isInstanceOfSatisfying(PackagingException.class, e -> assertThat(e.dataElement()).contains(0))
                .hasMessageContaining("version digit must be 0");
        assertThatThrownBy(() -> new MessageCodec(PackagerDefinition.ISO87_BINARY).unpack(binary))
                .hasMessageContaining("MTI must be 4 digits");
    }

    @Test
    void rejectsAnUnexpectedMtiWhenMapping() {
        ISOMsg response = new MessageCodec(PackagerDefinition.ISO87_BINARY)
                .unpack(Vectors.read(PackagerDefinition.ISO87_BINARY, "0110-authorization-response-approved"));

        assertThatThrownBy(() -> CardRequest.fromIsoMsg(response, SampleMessages.READ_CLOCK))
                .hasMessage("MTI 0110: DE 0: expected MTI 0100 or 0200 but got 0110");
    }

    @Test
    void rejectsLettersInAnAsciiNumericElement() {
        byte[] vector = Vectors.read(PackagerDefinition.ISO87_ASCII, AUTHORIZATION);
        String text = new String(vector, StandardCharsets.US_ASCII);
        int amountAt = text.indexOf("000000004250");
        vector[amountAt + 5] = 'X';

        assertThatThrownBy(() -> new MessageCodec(PackagerDefinition.ISO87_ASCII).unpack(vector))
                .isInstanceOfSatisfying(PackagingException.class, e -> assertThat(e.dataElement()).contains(4))
                .hasMessage("MTI 0100: DE 4: non-numeric content in a numeric data element");
    }

    @Test
    void rejectsNibblesAboveNineInABcdElement() {
        byte[] vector = Vectors.read(PackagerDefinition.ISO87_BINARY, AUTHORIZATION);
        String hex = HexFormat.of().withUpperCase().formatHex(vector);
        int stanAt = hex.indexOf("1124101530" + "000123") / 2 + 5;
        vector[stanAt + 2] = (byte) 0x2B;

        assertThatThrownBy(() -> new MessageCodec(PackagerDefinition.ISO87_BINARY).unpack(vector))
                .hasMessage("MTI 0100: DE 11: non-numeric content in a numeric data element");
    }

    @Test
    void rejectsAVariableLengthLargerThanTheMessage() {
        byte[] vector = Vectors.read(PackagerDefinition.ISO87_ASCII, AUTHORIZATION);
        vector[4 + 16] = '9'; // the PAN's LL prefix, right after MTI and bitmap
        vector[4 + 16 + 1] = '9';

        assertTimeoutPreemptively(QUICKLY, () -> assertThatThrownBy(
                () -> CardRequest.fromIsoMsg(new MessageCodec(PackagerDefinition.ISO87_ASCII).unpack(vector)))
                .isInstanceOf(PackagingException.class));
    }

    @Test
    void rejectsALengthPrefixLargerThanTheFrame() {
        FrameCodec frames = new FrameCodec(Framing.BINARY_LENGTH, 5, FrameCodec.MAX_FRAME_BYTES_DEFAULT);
        byte[] frame = HexFormat.of().parseHex("01F4" + "6000000000" + "0800");

        assertThatThrownBy(() -> frames.decode(frame))
                .isInstanceOf(PackagingException.class)
                .hasMessage("length prefix 500 is larger than the 7 bytes of the frame");
    }

    @Test
    void rejectsAnOversizeLengthPrefixBeforeReadingTheBody() {
        FrameCodec frames = new FrameCodec(Framing.BINARY_LENGTH, 0, FrameCodec.MAX_FRAME_BYTES_DEFAULT);
        // 64 KiB announced, nothing behind it: the prefix alone must be enough to refuse.
        ByteArrayInputStream stream = new ByteArrayInputStream(HexFormat.of().parseHex("FFFF"));

        assertThatThrownBy(() -> frames.read(stream))
                .hasMessage("length prefix 65535 exceeds the maximum frame of 8192 bytes");
    }

    @Test
    void rejectsAnAsciiLengthPrefixThatIsNotDigits() {
        FrameCodec frames = new FrameCodec(Framing.ASCII_LENGTH, 0, FrameCodec.MAX_FRAME_BYTES_DEFAULT);

        assertThatThrownBy(() -> frames.decode("00-4ABCD".getBytes(StandardCharsets.US_ASCII)))
                .hasMessage("ASCII length prefix is not 4 digits");
        assertThatThrownBy(() -> frames.decode("0000".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("leaves no room for a message");
    }

    @Test
    void reportsAFrameCutShortInAStream() {
        FrameCodec frames = new FrameCodec(Framing.ASCII_LENGTH, 0, FrameCodec.MAX_FRAME_BYTES_DEFAULT);

        assertThatThrownBy(() -> frames.read(new ByteArrayInputStream("0010ABC".getBytes(StandardCharsets.US_ASCII))))
                .hasMessage("truncated frame: 3 of 10 bytes before end of stream");
        assertThatThrownBy(() -> frames.read(new ByteArrayInputStream("00".getBytes(StandardCharsets.US_ASCII))))
                .hasMessage("stream ended inside the length prefix");
    }

    @Test
    void framesAndUnframesAMessageWithItsHeader() throws Exception {
        FrameCodec frames = new FrameCodec(Framing.BINARY_LENGTH, 5, FrameCodec.MAX_FRAME_BYTES_DEFAULT);
        byte[] header = HexFormat.of().parseHex("6000000000");
        byte[] body = Vectors.read(PackagerDefinition.ISO87_BINARY, "0800-echo");

        byte[] frame = frames.encode(header, body);
        FrameCodec.Frame decoded = frames.decode(frame);
        FrameCodec.Frame read = frames.read(new ByteArrayInputStream(frame)).orElseThrow();

        assertThat(HexFormat.of().formatHex(frame, 0, 2)).isEqualTo("%04x".formatted(5 + body.length));
        assertThat(decoded.header()).isEqualTo(header);
        assertThat(decoded.message()).isEqualTo(body);
        assertThat(read.message()).isEqualTo(body);
        assertThat(frames.read(new ByteArrayInputStream(new byte[0]))).isEmpty();
    }

    @Test
    void mapsAValidUnpackedMessage() {
        ISOMsg message = new MessageCodec(PackagerDefinition.ISO87_BINARY)
                .unpack(Vectors.read(PackagerDefinition.ISO87_BINARY, "0110-authorization-response-approved"));

        assertThat(CardResponse.fromIsoMsg(message, SampleMessages.READ_CLOCK).approvalCode()).contains("A1B2C3");
    }
}
