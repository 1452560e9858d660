package dev.paygate.iso8583.field;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "00, approved",
        "05, card_declined",
        "14, invalid_card",
        "30, format_error",
        "51, insufficient_funds",
        "54, card_expired",
        "55, incorrect_pin",
        "57, not_permitted",
        "61, over_limit",
        "62, card_restricted",
        "65, over_limit",
        "91, issuer_unavailable",
        "96, system_error",
        "N7, card_declined",
        "99, card_declined",
        "'', card_declined",
    })
    void mapsEveryCodeToAStableReason(String code, String reason) {
        assertThat(ResponseCode.fromCode(code).reason()).isEqualTo(reason);
        assertThat(ResponseCode.fromCode(code).isApproval()).isEqualTo("00".equals(code));
    }

    @ParameterizedTest
    @CsvSource({"N7", "99", "Z3"})
    void treatsUnknownCodesAsDeclinesWithoutACodeOfTheirOwn(String code) {
        assertThat(ResponseCode.fromCode(code)).isEqualTo(ResponseCode.UNRECOGNISED);
        assertThat(ResponseCode.UNRECOGNISED.code()).isNull();
    }
}
