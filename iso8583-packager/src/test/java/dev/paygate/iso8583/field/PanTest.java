package dev.paygate.iso8583.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PanTest {

    @Test
    void masksAllButTheFirstSixAndLastFourDigits() {
        Pan pan = Pan.of("4000001234567899");

        assertThat(pan.masked()).isEqualTo("400000******7899");
        assertThat(pan.toString()).isEqualTo("400000******7899");
        assertThat(Pan.of("5100001234567890123").masked()).isEqualTo("510000*********0123");
    }

    @Test
    void recordsHoldingAPanPrintItMasked() {
        record Holder(Pan pan) {
        }

        assertThat(new Holder(Pan.of("4000001234567899")).toString()).doesNotContain("4000001234567899").contains("400000******7899");
    }

    @Test
    void rejectsWrongLengthOrNonDigitsWithoutEchoingTheValue() {
        assertThatThrownBy(() -> Pan.of("40000012345")).hasMessageNotContaining("40000012345").hasMessageContaining("12 to 19");
        assertThatThrownBy(() -> Pan.of("4000001234567899X")).hasMessageNotContaining("4000001234567899");
    }

    @Test
    void checksTheLuhnDigit() {
        assertThat(Pan.of("4000000000000002").isLuhnValid()).isTrue();
        assertThat(Pan.of("4000000000000003").isLuhnValid()).isFalse();
    }

    @Test
    void givesTheBinForRouting() {
        assertThat(Pan.of("5100000000000008").bin()).isEqualTo("510000");
    }
}
