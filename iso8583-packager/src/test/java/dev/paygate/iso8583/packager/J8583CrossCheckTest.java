package dev.paygate.iso8583.packager;

import static org.assertj.core.api.Assertions.assertThat;

import com.solab.iso8583.IsoMessage;
import com.solab.iso8583.IsoType;
import com.solab.iso8583.IsoValue;
import com.solab.iso8583.MessageFactory;
import com.solab.iso8583.parse.FieldParseInfo;
import dev.paygate.iso8583.support.SampleMessages;
import dev.paygate.iso8583.support.SampleMessages.Sample;
import dev.paygate.iso8583.support.Vectors;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks our packagers against j8583, an ISO 8583 implementation that shares no code with
 * jPOS: what we pack it parses to the same elements, and what it packs from those elements is
 * byte for byte what we pack.
 */
class J8583CrossCheckTest {

    /** The element formats of our XML packagers, restated in j8583's terms. */
    private record Format(IsoType type, int length) {
    }

    private static final Map<Integer, Format> FORMATS = Map.ofEntries(
            Map.entry(2, new Format(IsoType.LLVAR, 19)),
            Map.entry(3, new Format(IsoType.NUMERIC, 6)),
            Map.entry(4, new Format(IsoType.NUMERIC, 12)),
            Map.entry(7, new Format(IsoType.NUMERIC, 10)),
            Map.entry(11, new Format(IsoType.NUMERIC, 6)),
            Map.entry(12, new Format(IsoType.NUMERIC, 6)),
            Map.entry(13, new Format(IsoType.NUMERIC, 4)),
            Map.entry(14, new Format(IsoType.NUMERIC, 4)),
            Map.entry(18, new Format(IsoType.NUMERIC, 4)),
            Map.entry(22, new Format(IsoType.NUMERIC, 3)),
            Map.entry(25, new Format(IsoType.NUMERIC, 2)),
            Map.entry(32, new Format(IsoType.LLVAR, 11)),
            Map.entry(37, new Format(IsoType.ALPHA, 12)),
            Map.entry(38, new Format(IsoType.ALPHA, 6)),
            Map.entry(39, new Format(IsoType.ALPHA, 2)),
            Map.entry(41, new Format(IsoType.ALPHA, 8)),
            Map.entry(42, new Format(IsoType.ALPHA, 15)),
            Map.entry(43, new Format(IsoType.ALPHA, 40)),
            Map.entry(49, new Format(IsoType.NUMERIC, 3)),
            Map.entry(64, new Format(IsoType.BINARY, 8)),
            Map.entry(70, new Format(IsoType.NUMERIC, 3)),
            Map.entry(90, new Format(IsoType.NUMERIC, 42)),
            Map.entry(128, new Format(IsoType.BINARY, 8)));

    static Stream<Arguments> samplesOnBothPackagers() {
        return Stream.of(PackagerDefinition.values())
                .flatMap(definition -> SampleMessages.all().stream().map(sample -> Arguments.of(definition, sample)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samplesOnBothPackagers")
    void j8583ParsesOurVectorToTheSameElements(PackagerDefinition definition, Sample sample) throws Exception {
        byte[] vector = Vectors.read(definition, sample.vectorName());
        ISOMsg ours = new MessageCodec(definition).unpack(vector);

        IsoMessage theirs = factory(definition).parseMessage(vector, 0);

        assertThat(theirs.getType()).isEqualTo(Integer.parseInt(ours.getString(0), 16));
        for (int field = 2; field <= 128; field++) {
            assertThat(theirs.hasField(field)).as("DE %d present", field).isEqualTo(ours.hasField(field));
            if (ours.hasField(field)) {
                assertThat(normalise(definition, field, theirs.getField(field)))
                        .as("DE %d", field).isEqualTo(ourValue(ours, field));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samplesOnBothPackagers")
    void j8583PacksTheSameElementsToOurVector(PackagerDefinition definition, Sample sample) throws Exception {
        ISOMsg ours = sample.isoMsg();
        MessageFactory<IsoMessage> factory = factory(definition);
        IsoMessage theirs = factory.newMessage(Integer.parseInt(ours.getString(0), 16));
        for (int field = 2; field <= 128; field++) {
            if (ours.hasField(field)) {
                Format format = FORMATS.get(field);
                theirs.setValue(field, theirValue(definition, field, ours), theirType(definition, format), format.length());
            }
        }

        assertThat(HexFormat.of().withUpperCase().formatHex(theirs.writeData()))
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(Vectors.read(definition, sample.vectorName())));
    }

    private static MessageFactory<IsoMessage> factory(PackagerDefinition definition) {
        MessageFactory<IsoMessage> factory = new MessageFactory<>();
        boolean binary = definition == PackagerDefinition.ISO87_BINARY;
        factory.setUseBinaryMessages(binary);
        factory.setCharacterEncoding("US-ASCII");
        Map<Integer, FieldParseInfo> guide = new HashMap<>();
        FORMATS.forEach((field, format) ->
                guide.put(field, FieldParseInfo.getInstance(theirType(definition, format), format.length(), "US-ASCII", false)));
        for (SampleMessages.Sample sample : SampleMessages.all()) {
            factory.setParseMap(Integer.parseInt(sample.mti().value(), 16), guide);
        }
        return factory;
    }

    /** In binary messages our variable numerics are BCD digits, which j8583 calls LLBCDBIN. */
    private static IsoType theirType(PackagerDefinition definition, Format format) {
        return definition == PackagerDefinition.ISO87_BINARY && format.type() == IsoType.LLVAR ? IsoType.LLBCDBIN : format.type();
    }

    private static Object theirValue(PackagerDefinition definition, int field, ISOMsg ours) {
        Format format = FORMATS.get(field);
        if (format.type() == IsoType.BINARY) {
            return ours.getBytes(field);
        }
        return ours.getString(field);
    }

    private static String ourValue(ISOMsg ours, int field) {
        return FORMATS.get(field).type() == IsoType.BINARY
                ? HexFormat.of().withUpperCase().formatHex(ours.getBytes(field))
                : ours.getString(field);
    }

    /** j8583 keeps fixed alphanumerics space-padded and BCD digits left-padded to whole bytes. */
    private static String normalise(PackagerDefinition definition, int field, IsoValue<?> value) {
        Format format = FORMATS.get(field);
        if (format.type() == IsoType.BINARY) {
            return HexFormat.of().withUpperCase().formatHex((byte[]) value.getValue());
        }
        if (format.type() == IsoType.ALPHA) {
            return value.toString().stripTrailing();
        }
        if (theirType(definition, format) == IsoType.LLBCDBIN) {
            String digits = HexFormat.of().withUpperCase().formatHex((byte[]) value.getValue());
            return digits.substring(digits.length() - value.getLength());
        }
        return value.toString();
    }
}
