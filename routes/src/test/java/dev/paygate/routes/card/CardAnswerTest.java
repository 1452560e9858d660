package dev.paygate.routes.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.iso8583.field.ResponseCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardAnswerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "05, card_declined",
        "14, invalid_card",
        "30, format_error",
        "51, insufficient_funds",
        "54, card_expired",
        "55, incorrect_pin",
        "57, not_permitted",
        "61, over_limit",
        "62, card_restricted",
        "63, system_error",
        "65, over_limit",
        "91, issuer_unavailable",
        "96, system_error",
        "N7, card_declined",
        "99, card_declined",
        "'', card_declined",
    })
    void mapsEveryRefusingResponseCodeToOneStableReason(String code, String reason) {
        assertThat(CardAnswer.reasonOf(ResponseCode.fromCode(code)).code()).isEqualTo(reason);
    }
}
