package dev.paygate.routes.back;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.routes.ConfigurationPropertiesSource;
import dev.paygate.routes.card.CardAuthorizationStep;
import dev.paygate.routes.order.HandoverProperties;
import dev.paygate.routes.order.KnownReplyQueue;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.wallet.WalletSettlementStep;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The decision route alone: which path each order takes. The steps themselves are mocked. */
class PaymentDecisionRouteTest extends CamelTestSupport {

    private static final List<String> STEPS = List.of(BackPaymentRoutes.AUTHENTICATION_ONLY,
            BackPaymentRoutes.WALLET_SETTLE, BackPaymentRoutes.CARD_AUTHORIZE, BackPaymentRoutes.REFUSE);

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:30Z");

    private final SettlementPathChoice pathChoice =
            new SettlementPathChoice(new DecisionProperties(Map.of("EUR", 3000L)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        HandoverProperties handover = new HandoverProperties(1000, "request", "lookup", "dead", 1, 1000, 1000, 1000, 10);
        camel.getPropertiesComponent().addPropertiesSource(ConfigurationPropertiesSource.of(Map.of("paygate.handover", handover)));
        return camel;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        PaymentRegister register = mock(PaymentRegister.class);
        OrderCodec codec = new OrderCodec();
        return new BackPaymentRoutes(codec, pathChoice, new RegisterDecisions(register, pathChoice, codec),
                mock(WalletSettlementStep.class), mock(CardAuthorizationStep.class),
                new DecisionMetrics(new SimpleMeterRegistry()), new KnownReplyQueue());
    }

    @BeforeEach
    void adviseRoutes() throws Exception {
        AdviceWith.adviceWith(context, "back.payment.receive", route -> route.replaceFromWith("direct:receive"));
        AdviceWith.adviceWith(context, "back.payment.look-up", route -> route.replaceFromWith("direct:lookup"));
        AdviceWith.adviceWith(context, "back.payment.decide", route -> route.mockEndpointsAndSkip(STEPS.toArray(String[]::new)));
        context.start();
        // Every send below is synchronous: by the time it returns, the mocks have seen all they will.
        STEPS.forEach(step -> getMockEndpoint("mock:" + step).setResultWaitTime(100));
    }

    @Test
    void orderReadAfterItsLifeEndedIsRefusedWhateverItAsks() throws Exception {
        PaymentOrder late = order(1000, "EUR");
        PaymentOrder expired = new PaymentOrder(late.registerOrder(), NOW.minusMillis(1));
        expectOnlyAt(BackPaymentRoutes.REFUSE, expired);
    }

    @Test
    void orderWithinItsLifeIsDecided() throws Exception {
        PaymentOrder early = order(1000, "EUR");
        expectOnlyAt(BackPaymentRoutes.WALLET_SETTLE, new PaymentOrder(early.registerOrder(), NOW));
    }

    @Test
    void zeroAmountAuthenticatesOnly() throws Exception {
        expectOnlyAt(BackPaymentRoutes.AUTHENTICATION_ONLY, order(0, "EUR"));
    }

    @Test
    void amountUpToTheThresholdIsPaidFromTheWallet() throws Exception {
        expectOnlyAt(BackPaymentRoutes.WALLET_SETTLE, order(3000, "EUR"));
    }

    @Test
    void amountAboveTheThresholdGoesToTheCard() throws Exception {
        expectOnlyAt(BackPaymentRoutes.CARD_AUTHORIZE, order(3001, "EUR"));
    }

    @Test
    void currencyWithoutThresholdAlwaysGoesToTheCard() throws Exception {
        expectOnlyAt(BackPaymentRoutes.CARD_AUTHORIZE, order(100, "USD"));
    }

    @Test
    void screeningRefusalIsRegisteredInsteadOfSettled() throws Exception {
        MockEndpoint refuse = getMockEndpoint("mock:" + BackPaymentRoutes.REFUSE);
        MockEndpoint wallet = getMockEndpoint("mock:" + BackPaymentRoutes.WALLET_SETTLE);
        refuse.expectedMessageCount(1);
        refuse.expectedHeaderReceived(BackPaymentRoutes.SCREENING_REFUSAL, "over_limit");
        wallet.expectedMessageCount(0);

        template.sendBodyAndHeader(BackPaymentRoutes.DECIDE, order(100, "EUR"), BackPaymentRoutes.SCREENING_REFUSAL, "over_limit");

        MockEndpoint.assertIsSatisfied(context);
    }

    private void expectOnlyAt(String endpoint, PaymentOrder order) throws Exception {
        for (String step : STEPS) {
            getMockEndpoint("mock:" + step).expectedMessageCount(step.equals(endpoint) ? 1 : 0);
        }
        template.sendBody(BackPaymentRoutes.DECIDE, order);
        MockEndpoint.assertIsSatisfied(context);
        assertThat(getMockEndpoint("mock:" + endpoint).getExchanges().getFirst().getMessage().getBody(PaymentOrder.class))
                .isEqualTo(order);
    }

    private static PaymentOrder order(long amountMinor, String currency) {
        return new PaymentOrder("t-" + amountMinor + currency, "shop", "alice", "o-1", amountMinor, 0, currency,
                "s-1", List.of(), Instant.parse("2026-11-24T12:00:00Z"), null);
    }
}
