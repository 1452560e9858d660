package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.merchant.refusal.RefusalReason;
import org.junit.jupiter.api.Test;

class RefusalMessagesTest {

    @Test
    void insufficientFundsNamesTheMoneyThatWasShort() {
        assertThat(RefusalMessages.message(RefusalReason.INSUFFICIENT_FUNDS, SettlementPath.WALLET)).contains("wallet");
        assertThat(RefusalMessages.message(RefusalReason.INSUFFICIENT_FUNDS, SettlementPath.CARD))
                .contains("card issuer").doesNotContain("wallet");
    }

    @Test
    void aLimitNamesTheWalletOrTheCardItWasSetOn() {
        assertThat(RefusalMessages.message(RefusalReason.OVER_LIMIT, SettlementPath.WALLET)).contains("wallet");
        assertThat(RefusalMessages.message(RefusalReason.OVER_LIMIT, SettlementPath.CARD)).contains("card");
    }

    @Test
    void otherReasonsReadTheSameOnEveryPath() {
        assertThat(RefusalMessages.message(RefusalReason.CARD_DECLINED, SettlementPath.CARD))
                .isEqualTo(RefusalMessages.message(RefusalReason.CARD_DECLINED));
    }

    @Test
    void aRefusalWithoutAPathUsesTheGeneralWording() {
        assertThat(RefusalMessages.message(RefusalReason.INSUFFICIENT_FUNDS, null))
                .isEqualTo(RefusalMessages.message(RefusalReason.INSUFFICIENT_FUNDS)).doesNotContain("wallet");
    }
}
