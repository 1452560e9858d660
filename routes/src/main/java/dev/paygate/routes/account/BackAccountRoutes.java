package dev.paygate.routes.account;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.errors.GatewayErrors;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Back side of the back-office channel: one route per kind of question, each answering typed JSON. */
@Component
@BackUnit
public class BackAccountRoutes extends RouteBuilder {

    static final String READ_BALANCE = "direct:back.balance.read";
    static final String READ_TILL = "direct:back.till.read";
    static final String LIST_TRANSACTIONS = "direct:back.transactions.list";
    static final String READ_MERCHANT_PAYMENT = "direct:back.merchant-payment.read";
    static final String READ_SETTLEMENT_EXTRACT = "direct:back.settlement-extract.read";
    static final String REFUND = "direct:back.payment.refund";
    static final String TOP_UP = "direct:back.wallet.top-up";
    static final String READ_PAYMENT_MESSAGES = "direct:back.payment-messages.read";
    static final String READ_PAYMENT_METHOD = "direct:back.payment-method.read";
    static final String SEARCH_PAYMENTS = "direct:back.payments.search";
    static final String READ_TRAIL = "direct:back.trail.read";
    static final String LIST_REVERSALS = "direct:back.reversals.list";
    static final String LIST_SWEEPS = "direct:back.sweeps.list";

    private final AccountCodec codec;
    private final BackOfficeLedger ledger;
    private final WalletTopUpStep topUp;
    private final PaymentMessagesLookup paymentMessages;
    private final OperatorLookups operatorLookups;
    private final MerchantLookups merchantLookups;

    public BackAccountRoutes(AccountCodec codec, BackOfficeLedger ledger, WalletTopUpStep topUp,
                             PaymentMessagesLookup paymentMessages, OperatorLookups operatorLookups,
                             MerchantLookups merchantLookups) {
        this.codec = codec;
        this.ledger = ledger;
        this.topUp = topUp;
        this.paymentMessages = paymentMessages;
        this.operatorLookups = operatorLookups;
        this.merchantLookups = merchantLookups;
    }

    @Override
    public void configure() {
        // Transacted: the request is acknowledged, and the answer sent, only once its effect is committed.
        from("jms:queue:{{paygate.account.request-queue}}?transacted=true"
                + "&concurrentConsumers={{paygate.account.back-consumers}}")
                .routeId("back.account.receive")
                .routeConfigurationId(GatewayErrors.ID)
                .bean(codec, "decodeRequest")
                .choice()
                    .when(body().isInstanceOf(AccountRequest.CustomerOverview.class)).to(READ_BALANCE)
                    .when(body().isInstanceOf(AccountRequest.MerchantTill.class)).to(READ_TILL)
                    .when(body().isInstanceOf(AccountRequest.MerchantTransactions.class)).to(LIST_TRANSACTIONS)
                    .when(body().isInstanceOf(AccountRequest.MerchantPayment.class)).to(READ_MERCHANT_PAYMENT)
                    .when(body().isInstanceOf(AccountRequest.SettlementExtract.class)).to(READ_SETTLEMENT_EXTRACT)
                    .when(body().isInstanceOf(AccountRequest.WalletRefund.class)).to(REFUND)
                    .when(body().isInstanceOf(AccountRequest.WalletTopUp.class)).to(TOP_UP)
                    .when(body().isInstanceOf(AccountRequest.PaymentMessages.class)).to(READ_PAYMENT_MESSAGES)
                    .when(body().isInstanceOf(AccountRequest.PaymentMethod.class)).to(READ_PAYMENT_METHOD)
                    .when(body().isInstanceOf(AccountRequest.PaymentSearch.class)).to(SEARCH_PAYMENTS)
                    .when(body().isInstanceOf(AccountRequest.PaymentTrail.class)).to(READ_TRAIL)
                    .when(body().isInstanceOf(AccountRequest.UnsettledReversals.class)).to(LIST_REVERSALS)
                    .when(body().isInstanceOf(AccountRequest.SweepRuns.class)).to(LIST_SWEEPS)
                .end()
                .bean(codec, "encodeAnswer");

        from(READ_BALANCE).routeId("back.balance.read").bean(ledger, "customerOverview");
        from(READ_TILL).routeId("back.till.read").bean(ledger, "merchantTill");
        from(LIST_TRANSACTIONS).routeId("back.transactions.list").bean(merchantLookups, "merchantTransactions");
        from(READ_MERCHANT_PAYMENT).routeId("back.merchant-payment.read").bean(merchantLookups, "merchantPayment");
        from(READ_SETTLEMENT_EXTRACT).routeId("back.settlement-extract.read")
                .bean(merchantLookups, "settlementExtract");
        from(REFUND).routeId("back.payment.refund").bean(ledger, "refund");
        from(TOP_UP).routeId("back.wallet.top-up").bean(topUp, "topUp");
        from(READ_PAYMENT_MESSAGES).routeId("back.payment-messages.read").bean(paymentMessages, "paymentMessages");
        from(READ_PAYMENT_METHOD).routeId("back.payment-method.read").bean(ledger, "paymentMethod");
        from(SEARCH_PAYMENTS).routeId("back.payments.search").bean(operatorLookups, "paymentSearch");
        from(READ_TRAIL).routeId("back.trail.read").bean(operatorLookups, "paymentTrail");
        from(LIST_REVERSALS).routeId("back.reversals.list").bean(operatorLookups, "unsettledReversals");
        from(LIST_SWEEPS).routeId("back.sweeps.list").bean(operatorLookups, "sweepRuns");
    }
}
