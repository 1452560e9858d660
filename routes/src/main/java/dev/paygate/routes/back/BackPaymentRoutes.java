package dev.paygate.routes.back;

import dev.paygate.ledger.RefusalReason;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.card.CardAuthorizationStep;
import dev.paygate.routes.errors.GatewayErrors;
import dev.paygate.routes.order.KnownReplyQueue;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.wallet.WalletSettlementStep;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * docs/architecture.md step 6, as routes: receive the order, let the screening step look at it, choose the path,
 * take it (one step each: refuse, register an authentication, settle from the wallet, authorize the card with the
 * network its BIN routes to), answer. The screening step {@code direct:back.payment.screen} is defined in
 * {@code config/routes/screening.camel.yaml}, where an integrator adds a fraud check without code.
 */
@Component
@BackUnit
public class BackPaymentRoutes extends RouteBuilder {

    public static final String SCREEN = "direct:back.payment.screen";
    public static final String DECIDE = "direct:back.payment.decide";
    static final String REFUSE = "direct:back.payment.refuse";
    static final String AUTHENTICATION_ONLY = "direct:back.auth-only.register";
    static final String WALLET_SETTLE = "direct:back.wallet.settle";
    static final String CARD_AUTHORIZE = "direct:back.card.authorize";
    /** A screening step refuses an order by setting this header to a reason code. */
    public static final String SCREENING_REFUSAL = "paygateRefusalReason";
    /** An order read after its life ended ({@link PaymentOrder#decideBy()}) is refused, whatever it asks. */
    static final String PAYMENT_EXPIRED = RefusalReason.PAYMENT_EXPIRED.code();

    private final OrderCodec codec;
    private final SettlementPathChoice pathChoice;
    private final RegisterDecisions registerDecisions;
    private final WalletSettlementStep walletSettlement;
    private final CardAuthorizationStep cardAuthorization;
    private final DecisionMetrics metrics;
    private final KnownReplyQueue replyQueue;

    public BackPaymentRoutes(OrderCodec codec, SettlementPathChoice pathChoice, RegisterDecisions registerDecisions,
                             WalletSettlementStep walletSettlement, CardAuthorizationStep cardAuthorization,
                             DecisionMetrics metrics, KnownReplyQueue replyQueue) {
        this.codec = codec;
        this.pathChoice = pathChoice;
        this.registerDecisions = registerDecisions;
        this.walletSettlement = walletSettlement;
        this.cardAuthorization = cardAuthorization;
        this.metrics = metrics;
        this.replyQueue = replyQueue;
    }

    @Override
    public void configure() {
        // Transacted: the request is acknowledged, and the reply sent, only after the decision is committed.
        from("jms:queue:{{paygate.handover.payment-queue}}?transacted=true"
                + "&concurrentConsumers={{paygate.handover.back-consumers}}")
                .routeId("back.payment.receive")
                .routeConfigurationId(PaymentFaults.ID)
                .bean(replyQueue, "mark")
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
                        .to(WALLET_SETTLE)
                    .otherwise()
                        .to(CARD_AUTHORIZE)
                .end();

        step(REFUSE, "back.payment.refuse", registerDecisions, "refuse");
        step(AUTHENTICATION_ONLY, "back.auth-only.register", registerDecisions, "authenticationOnly");
        // One database transaction settles or refuses a wallet payment.
        step(WALLET_SETTLE, "back.wallet.settle", walletSettlement, "settle");
        step(CARD_AUTHORIZE, "back.card.authorize", cardAuthorization, "authorize");

        from("jms:queue:{{paygate.handover.lookup-queue}}")
                .routeId("back.payment.look-up")
                .routeConfigurationId(GatewayErrors.ID)
                .bean(replyQueue, "mark")
                .bean(registerDecisions, "lookUp");
    }

    /** A path of the decision: one bean method, under the steps' error policy. */
    private void step(String uri, String routeId, Object bean, String method) {
        from(uri)
                .routeId(routeId)
                .routeConfigurationId(GatewayErrors.STEP)
                .bean(bean, method);
    }
}
