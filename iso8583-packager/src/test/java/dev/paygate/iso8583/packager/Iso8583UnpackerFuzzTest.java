package dev.paygate.iso8583.packager;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.paygate.iso8583.field.PackagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Issue 17: coverage-guided fuzzing of what a card network can send us, framing included: the first input byte
 * picks the packager (cardnet-a's binary one behind a 2-byte length and its TPDU, cardnet-b's ASCII one behind a
 * 4-digit length), the rest is the frame. It is decoded as one frame and read as a stream of frames; each
 * message maps to its typed record or fails with a {@link PackagingException}; nothing else escapes and no input
 * takes long. {@code ./mvnw verify} replays the committed inputs in {@code Iso8583UnpackerFuzzTestInputs/} (every
 * test vector, framed); {@code JAZZER_FUZZ=1} (./faults) mutates them. {@link UnpackerFuzzTest} stays the fixed-seed
 * random campaign.
 */
class Iso8583UnpackerFuzzTest {

    private static final byte[] TPDU = HexFormat.of().parseHex("6000000000");
    private static final Duration TIME_PER_INPUT_MAX = Duration.ofSeconds(5);
    private static final Map<PackagerDefinition, MessageCodec> CODECS = new EnumMap<>(PackagerDefinition.class);
    private static final Map<PackagerDefinition, FrameCodec> FRAMES = new EnumMap<>(PackagerDefinition.class);

    static {
        for (PackagerDefinition definition : PackagerDefinition.values()) {
            CODECS.put(definition, new MessageCodec(definition));
            FRAMES.put(definition, definition == PackagerDefinition.ISO87_BINARY
                    ? new FrameCodec(Framing.BINARY_LENGTH, TPDU.length, FrameCodec.MAX_FRAME_BYTES_DEFAULT)
                    : new FrameCodec(Framing.ASCII_LENGTH, 0, FrameCodec.MAX_FRAME_BYTES_DEFAULT));
        }
    }

    @FuzzTest(maxDuration = "20s")
    void everyFrameMapsOrFailsWithAPackagingException(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        PackagerDefinition definition = PackagerDefinition.values()[(input[0] & 0xff) % PackagerDefinition.values().length];
        byte[] frame = Arrays.copyOfRange(input, 1, input.length);
        FrameCodec frames = FRAMES.get(definition);
        MessageCodec codec = CODECS.get(definition);
        long startNs = System.nanoTime();

        try {
            UnpackerFuzzTest.map(codec.unpack(frames.decode(frame).message()));
        } catch (PackagingException expected) {
            // A clear refusal of this frame is the wanted outcome for garbage.
        }
        try (InputStream stream = new ByteArrayInputStream(frame)) {
            while (frames.read(stream).isPresent()) {
                // Reading on: a bad prefix or a frame cut short must end in a PackagingException, not a hang.
            }
        } catch (PackagingException expected) {
            // As above.
        }

        assertThat(Duration.ofNanos(System.nanoTime() - startNs)).isLessThan(TIME_PER_INPUT_MAX);
    }
}
