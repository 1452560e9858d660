package dev.paygate.iso8583.packager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.paygate.iso8583.field.PackagingException;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.iso8583.message.NetworkManagementRequest;
import dev.paygate.iso8583.message.NetworkManagementResponse;
import dev.paygate.iso8583.message.ReversalRequest;
import dev.paygate.iso8583.message.ReversalResponse;
import dev.paygate.iso8583.support.SampleMessages;
import dev.paygate.iso8583.support.Vectors;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Thousands of random and mutated frames through framing, unpacking and typed mapping: each
 * either maps or fails with a PackagingException; nothing else escapes, nothing hangs. The seed
 * is fixed so a failure replays.
 */
class UnpackerFuzzTest {

    private static final long SEED = 8583L;
    private static final int FRAMES_PER_PACKAGER = 20_000;
    private static final int RANDOM_FRAME_BYTES_MAX = 400;
    private static final Duration BOUND = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(PackagerDefinition.class)
    void everyFrameMapsOrFailsWithAPackagingException(PackagerDefinition definition) {
        Framing framing = definition == PackagerDefinition.ISO87_BINARY ? Framing.BINARY_LENGTH : Framing.ASCII_LENGTH;
        FrameCodec frames = new FrameCodec(framing, 0, FrameCodec.MAX_FRAME_BYTES_DEFAULT);
        MessageCodec codec = new MessageCodec(definition);
        List<byte[]> seeds = SampleMessages.all().stream()
                .map(sample -> Vectors.read(definition, sample.vectorName()))
                .toList();
        Random random = new Random(SEED + definition.ordinal());

        int[] outcomes = assertTimeoutPreemptively(BOUND, () -> {
            int mapped = 0;
            int rejected = 0;
            for (int iteration = 0; iteration < FRAMES_PER_PACKAGER; iteration++) {
                byte[] frame = nextFrame(frames, seeds, random, iteration);
                try {
                    map(codec.unpack(frames.decode(frame).message()));
                    mapped++;
                } catch (PackagingException expected) {
                    rejected++;
                } catch (Throwable unexpected) {
                    fail("iteration " + iteration + " escaped with " + unexpected + " on " + HexFormat.of().formatHex(frame), unexpected);
                }
            }
            return new int[] {mapped, rejected};
        });

        assertThat(outcomes[0] + outcomes[1]).isEqualTo(FRAMES_PER_PACKAGER);
        assertThat(outcomes[1]).as("rejected").isGreaterThan(FRAMES_PER_PACKAGER / 2);
        assertThat(outcomes[0]).as("still mapped (harmless mutations)").isPositive();
    }

    /**
     * Mostly a mutated message in a correct frame, so the unpacker rather than the framing meets
     * the damage; every tenth frame is noise, every fifth a valid frame mutated as a whole.
     */
    private static byte[] nextFrame(FrameCodec frames, List<byte[]> seeds, Random random, int iteration) {
        byte[] seed = seeds.get(random.nextInt(seeds.size()));
        if (iteration % 10 == 0) {
            return randomBytes(random);
        }
        if (iteration % 5 == 0) {
            return mutate(frames.encode(new byte[0], seed), seeds, random);
        }
        byte[] message = mutate(seed, seeds, random);
        return message.length == 0 ? message : frames.encode(new byte[0], message);
    }

    /** The typed mapping of every supported MTI; Iso8583UnpackerFuzzTest maps through it too. */
    static Object map(ISOMsg message) {
        return switch (message.getString(0)) {
            case "0100" -> CardRequest.fromIsoMsg(message);
            case "0110" -> CardResponse.fromIsoMsg(message);
            case "0200" -> CardRequest.fromIsoMsg(message);
            case "0210" -> CardResponse.fromIsoMsg(message);
            case "0400", "0401", "0420", "0421" -> ReversalRequest.fromIsoMsg(message);
            case "0410", "0430" -> ReversalResponse.fromIsoMsg(message);
            case "0800" -> NetworkManagementRequest.fromIsoMsg(message);
            case "0810" -> NetworkManagementResponse.fromIsoMsg(message);
            default -> throw new PackagingException(message.getString(0), 0, "unsupported MTI");
        };
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(RANDOM_FRAME_BYTES_MAX)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One to four mutations of a valid frame, so most of the message still looks plausible. */
    static byte[] mutate(byte[] seed, List<byte[]> seeds, Random random) {
        byte[] frame = seed.clone();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations && frame.length > 0; i++) {
            int at = random.nextInt(frame.length);
            frame = switch (random.nextInt(7)) {
                case 0 -> flipBit(frame, at, random);
                case 1 -> setByte(frame, at, (byte) random.nextInt(256));
                case 2 -> Arrays.copyOf(frame, at);
                case 3 -> insert(frame, at, randomBytes(new Random(random.nextLong())), 16);
                case 4 -> setByte(frame, random.nextInt(Math.min(frame.length, 4)), (byte) random.nextInt(256));
                case 5 -> insert(frame, at, seeds.get(random.nextInt(seeds.size())), 40);
                default -> setByte(frame, at, (byte) ('0' + random.nextInt(10)));
            };
        }
        return frame;
    }

    private static byte[] flipBit(byte[] frame, int at, Random random) {
        frame[at] ^= (byte) (1 << random.nextInt(8));
        return frame;
    }

    private static byte[] setByte(byte[] frame, int at, byte value) {
        frame[at] = value;
        return frame;
    }

    private static byte[] insert(byte[] frame, int at, byte[] source, int lengthMax) {
        int length = Math.min(source.length, lengthMax);
        byte[] longer = new byte[frame.length + length];
        System.arraycopy(frame, 0, longer, 0, at);
        System.arraycopy(source, 0, longer, at, length);
        System.arraycopy(frame, at, longer, at + length, frame.length - at);
        return longer;
    }
}
