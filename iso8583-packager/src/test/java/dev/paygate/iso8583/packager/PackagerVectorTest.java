package dev.paygate.iso8583.packager;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.iso8583.support.SampleMessages;
import dev.paygate.iso8583.support.SampleMessages.Sample;
import dev.paygate.iso8583.support.Vectors;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message type on both packagers against fixed hex vectors, both ways. */
class PackagerVectorTest {

    static Stream<Arguments> samplesOnBothPackagers() {
        return Stream.of(PackagerDefinition.values())
                .flatMap(definition -> SampleMessages.all().stream().map(sample -> Arguments.of(definition, sample)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samplesOnBothPackagers")
    void packsTheRecordToTheFixedVector(PackagerDefinition definition, Sample sample) {
        byte[] packed = new MessageCodec(definition).pack(sample.isoMsg());

        assertThat(HexFormat.of().withUpperCase().formatHex(packed))
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(Vectors.read(definition, sample.vectorName())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samplesOnBothPackagers")
    void unpacksTheFixedVectorToTheSameRecord(PackagerDefinition definition, Sample sample) {
        ISOMsg unpacked = new MessageCodec(definition).unpack(Vectors.read(definition, sample.vectorName()));

        assertThat(unpacked.getString(0)).isEqualTo(sample.mti().value());
        assertThat(sample.reader().apply(unpacked)).isEqualTo(sample.record());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samplesOnBothPackagers")
    void repacksAnUnpackedVectorByteForByte(PackagerDefinition definition, Sample sample) {
        MessageCodec codec = new MessageCodec(definition);
        byte[] vector = Vectors.read(definition, sample.vectorName());

        assertThat(codec.pack(codec.unpack(vector))).isEqualTo(vector);
    }
}
