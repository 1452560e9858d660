package dev.paygate.routes.back;

import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.card.CardRoutes;
import dev.paygate.routes.errors.GatewayErrors;
import dev.paygate.routes.order.HandoverProperties;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.Decisions;
import dev.paygate.routes.order.OrderCodec;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.wallet.WalletRoutes;
import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * DESIGN.md step 6, as routes: receive the order, let the screening step look at it, choose the path,
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
    static final String PAYMENT_EXPIRED = "payment_expired";

    private final OrderCodec codec;
    private final HandoverProperties handover;
    private final PaymentRegister register;
    private final SettlementPathChoice pathChoice;
    private final AuthenticationOnlyStep authenticationOnly;
    private final DecisionMetrics metrics;
    private final Clock clock;

    public BackPaymentRoutes(OrderCodec codec, HandoverProperties handover, PaymentRegister register,
                             SettlementPathChoice pathChoice, AuthenticationOnlyStep authenticationOnly,
                             DecisionMetrics metrics, Clock clock) {
        this.codec = codec;
        this.handover = handover;
        this.register = register;
        this.pathChoice = pathChoice;
        this.authenticationOnly = authenticationOnly;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void configure() {
        // Transacted: the request is acknowledged, and the reply sent, only after the decision is committed.
        from("jms:queue:" + handover.paymentQueue() + "?transacted=true&concurrentConsumers=" + handover.backConsumers())
                .routeId("back.payment.receive")
                .routeConfigurationId(PaymentFaults.ID)
                .process(exchange -> exchange.getMessage().setBody(
                        codec.decodeOrder(exchange.getMessage().getBody(String.class))))
                .to(SCREEN)
                .to(DECIDE)
                .process(exchange -> {
                    Decision decision = exchange.getMessage().getMandatoryBody(Decision.class);
                    metrics.decided(decision);
                    exchange.getMessage().setBody(codec.encodeDecision(decision));
                });

        from(DECIDE)
                .routeId("back.payment.decide")
                .routeConfigurationId(GatewayErrors.STEP)
                .choice()
                    .when(exchange -> exchange.getMessage().getBody(PaymentOrder.class).expiredAt(clock.instant()))
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
                .bean(authenticationOnly, "register");

        from(REFUSE)
                .routeId("back.payment.refuse")
                .routeConfigurationId(GatewayErrors.STEP)
                .process(exchange -> {
                    PaymentOrder order = exchange.getMessage().getMandatoryBody(PaymentOrder.class);
                    String reason = exchange.getMessage().getHeader(SCREENING_REFUSAL, String.class);
                    exchange.getMessage().setBody(Decisions.of(register.refuse(
                            Decisions.toRegisterOrder(order), pathChoice.pathOf(order), reason)));
                });

        from("jms:queue:" + handover.lookupQueue())
                .routeId("back.payment.lookup")
                .routeConfigurationId(GatewayErrors.ID)
                .process(exchange -> exchange.getMessage().setBody(
                        register.findByTicket(exchange.getMessage().getBody(String.class))
                                .map(Decisions::of).map(codec::encodeDecision).orElse("")));
    }
}
