package dev.paygate.routes.account;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.errors.GatewayErrors;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Back side of the back-office channel: one route per kind of question, each answering typed JSON. */
@Component
@BackUnit
public class BackAccountRoutes extends RouteBuilder {

    static final String BALANCE = "direct:back.account.balance";
    static final String TILL = "direct:back.account.till";
    static final String TRANSACTIONS = "direct:back.account.transactions";
    static final String REFUND = "direct:back.account.refund";
    static final String TOP_UP = "direct:back.account.top-up";
    static final String PAYMENT_METHOD = "direct:back.account.payment-method";
    static final String PAYMENT_SEARCH = "direct:back.operator.payment-search";
    static final String PAYMENT_TRAIL = "direct:back.operator.payment-trail";
    static final String UNSETTLED_REVERSALS = "direct:back.operator.unsettled-reversals";
    static final String SWEEP_RUNS = "direct:back.operator.sweep-runs";

    private final AccountCodec codec;
    private final AccountProperties properties;
    private final BackOfficeLedger ledger;
    private final WalletTopUpStep topUp;
    private final OperatorLookups operatorLookups;

    public BackAccountRoutes(AccountCodec codec, AccountProperties properties, BackOfficeLedger ledger,
                             WalletTopUpStep topUp, OperatorLookups operatorLookups) {
        this.codec = codec;
        this.properties = properties;
        this.ledger = ledger;
        this.topUp = topUp;
        this.operatorLookups = operatorLookups;
    }

    @Override
    public void configure() {
        // Transacted: the request is acknowledged, and the answer sent, only once its effect is committed.
        from("jms:queue:" + properties.requestQueue() + "?transacted=true&concurrentConsumers="
                + properties.backConsumers())
                .routeId("back.account.receive")
                .routeConfigurationId(GatewayErrors.ID)
                .bean(codec, "decodeRequest")
                .choice()
                    .when(body().isInstanceOf(AccountRequest.CustomerOverview.class)).to(BALANCE)
                    .when(body().isInstanceOf(AccountRequest.MerchantTill.class)).to(TILL)
                    .when(body().isInstanceOf(AccountRequest.MerchantTransactions.class)).to(TRANSACTIONS)
                    .when(body().isInstanceOf(AccountRequest.WalletRefund.class)).to(REFUND)
                    .when(body().isInstanceOf(AccountRequest.WalletTopUp.class)).to(TOP_UP)
                    .when(body().isInstanceOf(AccountRequest.PaymentMethod.class)).to(PAYMENT_METHOD)
                    .when(body().isInstanceOf(AccountRequest.PaymentSearch.class)).to(PAYMENT_SEARCH)
                    .when(body().isInstanceOf(AccountRequest.PaymentTrail.class)).to(PAYMENT_TRAIL)
                    .when(body().isInstanceOf(AccountRequest.UnsettledReversals.class)).to(UNSETTLED_REVERSALS)
                    .when(body().isInstanceOf(AccountRequest.SweepRuns.class)).to(SWEEP_RUNS)
                .end()
                .bean(codec, "encodeAnswer");

        from(BALANCE).routeId("back.balance.read").bean(ledger, "customerOverview");
        from(TILL).routeId("back.till.read").bean(ledger, "merchantTill");
        from(TRANSACTIONS).routeId("back.transactions.list").bean(ledger, "merchantTransactions");
        from(REFUND).routeId("back.payment.refund").bean(ledger, "refund");
        from(TOP_UP).routeId("back.wallet.top-up").bean(topUp, "topUp");
        from(PAYMENT_METHOD).routeId("back.payment-method.read").bean(ledger, "paymentMethod");
        from(PAYMENT_SEARCH).routeId("back.operator.payments.search").bean(operatorLookups, "paymentSearch");
        from(PAYMENT_TRAIL).routeId("back.operator.trail.read").bean(operatorLookups, "paymentTrail");
        from(UNSETTLED_REVERSALS).routeId("back.operator.reversals.list").bean(operatorLookups, "unsettledReversals");
        from(SWEEP_RUNS).routeId("back.operator.sweeps.list").bean(operatorLookups, "sweepRuns");
    }
}
