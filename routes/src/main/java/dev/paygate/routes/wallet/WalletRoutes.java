package dev.paygate.routes.wallet;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.errors.GatewayErrors;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** The wallet path of the decision: one database transaction settles or refuses it. */
@Component
@BackUnit
public class WalletRoutes extends RouteBuilder {

    public static final String SETTLE = "direct:back.wallet.settle";

    private final WalletSettlementStep settlement;

    public WalletRoutes(WalletSettlementStep settlement) {
        this.settlement = settlement;
    }

    @Override
    public void configure() {
        from(SETTLE)
                .routeId("back.wallet.settle")
                .routeConfigurationId(GatewayErrors.STEP)
                .bean(settlement, "settle");
    }
}
