package dev.paygate.routes.back;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.register.SettlementPath;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentOrder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The decisions that are one register call each: the register mocked. */
class RegisterDecisionsTest {

    private static final Instant AT = Instant.parse("2026-12-10T09:00:00Z");

    private final PaymentRegister register = mock(PaymentRegister.class);
    private final SettlementPathChoice pathChoice = new SettlementPathChoice(new DecisionProperties(Map.of("EUR", 3000L)),
            Clock.fixed(AT, ZoneOffset.UTC));
    private final OrderCodec codec = new OrderCodec();
    private final RegisterDecisions decisions = new RegisterDecisions(register, pathChoice, codec);

    @Test
    void registersTheScreeningReasonOnThePathTheOrderWouldHaveTaken() {
        when(register.refuse(any(), eq(SettlementPath.WALLET), eq("over_limit")))
                .thenReturn(refused("t-1", SettlementPath.WALLET, "over_limit"));

        Decision decision = decisions.refuse(order("t-1", 1000), "over_limit");

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decision.reason()).isEqualTo("over_limit");
        assertThat(decision.path()).isEqualTo(SettlementPath.WALLET);
    }

    @Test
    void lookupAnswersTheRegisteredDecisionAsJson() {
        when(register.findByTicket("t-2")).thenReturn(Optional.of(refused("t-2", SettlementPath.CARD, "do_not_honor")));

        Decision decision = codec.decodeDecision(decisions.lookUp("t-2"));

        assertThat(decision.ticketId()).isEqualTo("t-2");
        assertThat(decision.reason()).isEqualTo("do_not_honor");
    }

    @Test
    void lookupOfATicketNeverSeenAnswersEmpty() {
        when(register.findByTicket("t-3")).thenReturn(Optional.empty());

        assertThat(decisions.lookUp("t-3")).isEmpty();
    }

    private static PaymentOrder order(String ticketId, long amountMinor) {
        return new PaymentOrder(ticketId, "shop", "alice", "o-1", amountMinor, 0, "EUR", "s-1", List.of(), AT, null);
    }

    private static RegisterEntry refused(String ticketId, SettlementPath path, String reason) {
        return new RegisterEntry(1, ticketId, path, RegisterStatus.REFUSED, reason, "shop", "alice", "o-1", 1000, 0,
                "EUR", "s-1", null, null, null, null, 0, null, AT, AT, AT);
    }
}
