package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.merchant.refusal.RefusalReason;
import org.junit.jupiter.api.Test;

class RefusalMessagesTest {

    @Test
    void insufficientFundsNamesTheMoneyThatWasShort() {
        assertThat(RefusalMessages.message(RefusalReason.INSUFFICIENT_FUNDS, "wallet")).contains("wallet");
        assertThat(RefusalMessages.message(RefusalReason.INSUFFICIENT_FUNDS, "card")).contains("card");
    }

    @Test
    void otherReasonsReadTheSameOnEveryPath() {
        assertThat(RefusalMessages.message(RefusalReason.CARD_DECLINED, "card"))
                .isEqualTo(RefusalMessages.message(RefusalReason.CARD_DECLINED));
    }
}
