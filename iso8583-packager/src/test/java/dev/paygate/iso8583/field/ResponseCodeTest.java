package dev.paygate.iso8583.field;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseCodeTest {

    @ParameterizedTest
    @CsvSource({"00, APPROVED", "05, DO_NOT_HONOUR", "51, INSUFFICIENT_FUNDS", "63, SECURITY_VIOLATION", "91, ISSUER_UNAVAILABLE", "96, SYSTEM_MALFUNCTION"})
    void readsEachKnownCodeAsItsConstantAndOnlyZeroZeroApproves(String code, ResponseCode expected) {
        assertThat(ResponseCode.fromCode(code)).isEqualTo(expected);
        assertThat(ResponseCode.fromCode(code).code()).isEqualTo(code);
        assertThat(ResponseCode.fromCode(code).isApproval()).isEqualTo("00".equals(code));
    }

    @ParameterizedTest
    @CsvSource({"N7", "99", "Z3"})
    void treatsUnknownCodesAsDeclinesWithoutACodeOfTheirOwn(String code) {
        assertThat(ResponseCode.fromCode(code)).isEqualTo(ResponseCode.UNRECOGNISED);
        assertThat(ResponseCode.UNRECOGNISED.code()).isNull();
    }
}
