package dev.paygate.routes.back;

import dev.paygate.ledger.RefusalReason;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.card.CardRoutes;
import dev.paygate.routes.errors.GatewayErrors;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.wallet.WalletRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * docs/architecture.md step 6, as routes: receive the order, let the screening step look at it, choose the path,
 * answer. The screening step {@code direct:back.payment.screen} is defined in
 * {@code config/routes/screening.camel.yaml}, where an integrator adds a fraud check without code.
 */
@Component
@BackUnit
public class BackPaymentRoutes extends RouteBuilder {

    public static final String SCREEN = "direct:back.payment.screen";
    public static final String DECIDE = "direct:back.payment.decide";
    static final String REFUSE = "direct:back.payment.refuse";
    static final String AUTHENTICATION_ONLY = "direct:back.auth-only.register";
    /** A screening step refuses an order by setting this header to a reason code. */
    public static final String SCREENING_REFUSAL = "paygateRefusalReason";
    /** An order read after its life ended ({@link PaymentOrder#decideBy()}) is refused, whatever it asks. */
    static final String PAYMENT_EXPIRED = RefusalReason.PAYMENT_EXPIRED.code();

    private final OrderCodec codec;
    private final SettlementPathChoice pathChoice;
    private final RegisterDecisions registerDecisions;
    private final DecisionMetrics metrics;

    public BackPaymentRoutes(OrderCodec codec, SettlementPathChoice pathChoice, RegisterDecisions registerDecisions,
                             DecisionMetrics metrics) {
        this.codec = codec;
        this.pathChoice = pathChoice;
        this.registerDecisions = registerDecisions;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        // Transacted: the request is acknowledged, and the reply sent, only after the decision is committed.
        from("jms:queue:{{paygate.handover.payment-queue}}?transacted=true"
                + "&concurrentConsumers={{paygate.handover.back-consumers}}")
                .routeId("back.payment.receive")
                .routeConfigurationId(PaymentFaults.ID)
                .bean(codec, "decodeOrder")
                .to(SCREEN)
                .to(DECIDE)
                .bean(metrics, "decided")
                .bean(codec, "encodeDecision");

        from(DECIDE)
                .routeId("back.payment.decide")
                .routeConfigurationId(GatewayErrors.STEP)
                .choice()
                    .when(method(pathChoice, "expired"))
                        .setHeader(SCREENING_REFUSAL, constant(PAYMENT_EXPIRED))
                        .to(REFUSE)
                    .when(header(SCREENING_REFUSAL).isNotNull())
                        .to(REFUSE)
                    .when(method(pathChoice, "authenticationOnly"))
                        .to(AUTHENTICATION_ONLY)
                    .when(method(pathChoice, "walletPays"))
                        .to(WalletRoutes.SETTLE)
                    .otherwise()
                        .to(CardRoutes.AUTHORIZE)
                .end();

        from(AUTHENTICATION_ONLY)
                .routeId("back.auth-only.register")
                .routeConfigurationId(GatewayErrors.STEP)
                .bean(registerDecisions, "authenticationOnly");

        from(REFUSE)
                .routeId("back.payment.refuse")
                .routeConfigurationId(GatewayErrors.STEP)
                .bean(registerDecisions, "refuse");

        from("jms:queue:{{paygate.handover.lookup-queue}}")
                .routeId("back.payment.look-up")
                .routeConfigurationId(GatewayErrors.ID)
                .bean(registerDecisions, "lookUp");
    }
}
