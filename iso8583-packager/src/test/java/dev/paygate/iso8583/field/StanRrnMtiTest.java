package dev.paygate.iso8583.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StanRrnMtiTest {

    @Test
    void stanIsSixDigitsFromOneTo999999() {
        assertThat(Stan.of(42).digits()).isEqualTo("000042");
        assertThat(Stan.parse("999999").value()).isEqualTo(999_999);
        assertThatThrownBy(() -> Stan.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stan.of(1_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stan.parse("12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stan.parse("00012A")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rrnIsYearDigitJulianDayHourAndStanInUtc() {
        Rrn rrn = Rrn.of(Instant.parse("2027-02-01T23:59:59Z"), Stan.of(17));

        assertThat(rrn.value()).isEqualTo("7032" + "23" + "000017");
        assertThat(Rrn.of(Instant.parse("2028-12-31T00:00:00Z"), Stan.of(999_999)).value()).isEqualTo("836600999999");
    }

    @Test
    void rrnFromOtherPartiesIsAnyTwelvePrintableCharacters() {
        assertThat(new Rrn("ABC123 xyz-9").value()).hasSize(12);
        assertThatThrownBy(() -> new Rrn("12345678901")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rrn("12345678901\u0000")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mtiKnowsItsResponseAndRejectsOtherVersions() {
        assertThat(Mti.AUTHORIZATION_REQUEST.responseMti()).isEqualTo(Mti.AUTHORIZATION_RESPONSE);
        assertThat(Mti.REVERSAL_ADVICE.responseMti()).isEqualTo(Mti.REVERSAL_ADVICE_RESPONSE);
        assertThat(Mti.NETWORK_MANAGEMENT_REQUEST.responseMti()).isEqualTo(Mti.NETWORK_MANAGEMENT_RESPONSE);
        assertThat(Mti.FINANCIAL_RESPONSE.isRequest()).isFalse();
        assertThat(Mti.parse("0300").isSupported()).isFalse();
        assertThatThrownBy(() -> Mti.parse("1100")).hasMessageContaining("1987");
        assertThatThrownBy(() -> Mti.parse("01X0")).hasMessageContaining("4 digits");
        assertThatThrownBy(() -> Mti.AUTHORIZATION_RESPONSE.responseMti()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRepeatChangesOnlyTheOriginDigitAndIsAnsweredLikeTheFirst() {
        assertThat(Mti.REVERSAL_ADVICE.repeat()).isEqualTo(Mti.REVERSAL_ADVICE_REPEAT);
        assertThat(Mti.REVERSAL_REQUEST.repeat()).isEqualTo(Mti.REVERSAL_REQUEST_REPEAT);
        assertThat(Mti.REVERSAL_ADVICE_REPEAT.isRepeat()).isTrue();
        assertThat(Mti.REVERSAL_ADVICE_REPEAT.isRequest()).isTrue();
        assertThat(Mti.REVERSAL_ADVICE_REPEAT.isSupported()).isTrue();
        assertThat(Mti.REVERSAL_ADVICE_REPEAT.withoutRepeat()).isEqualTo(Mti.REVERSAL_ADVICE);
        assertThat(Mti.REVERSAL_ADVICE_REPEAT.repeat()).isEqualTo(Mti.REVERSAL_ADVICE_REPEAT);
        assertThat(Mti.REVERSAL_ADVICE_REPEAT.responseMti()).isEqualTo(Mti.REVERSAL_ADVICE_RESPONSE);
        assertThat(Mti.REVERSAL_REQUEST_REPEAT.responseMti()).isEqualTo(Mti.REVERSAL_RESPONSE);
        assertThat(Mti.REVERSAL_ADVICE.isRepeat()).isFalse();
        assertThat(Mti.REVERSAL_ADVICE.withoutRepeat()).isEqualTo(Mti.REVERSAL_ADVICE);
    }
}
