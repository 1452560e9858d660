package dev.paygate.routes.account;

import dev.paygate.routes.BackUnit;
import dev.paygate.routes.errors.GatewayErrors;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ChoiceDefinition;
import org.springframework.stereotype.Component;

/** Back side of the back-office channel: one route per kind of question, each answering typed JSON. */
@Component
@BackUnit
public class BackAccountRoutes extends RouteBuilder {

    private final AccountCodec codec;
    private final BackOfficeLedger ledger;
    private final WalletTopUpStep topUp;
    private final OperatorLookups operatorLookups;
    private final MerchantLookups merchantLookups;

    public BackAccountRoutes(AccountCodec codec, BackOfficeLedger ledger, WalletTopUpStep topUp,
                             OperatorLookups operatorLookups, MerchantLookups merchantLookups) {
        this.codec = codec;
        this.ledger = ledger;
        this.topUp = topUp;
        this.operatorLookups = operatorLookups;
        this.merchantLookups = merchantLookups;
    }

    @Override
    public void configure() {
        // Transacted: the request is acknowledged, and the answer sent, only once its effect is committed.
        ChoiceDefinition byKind = from("jms:queue:{{paygate.account.request-queue}}?transacted=true"
                + "&concurrentConsumers={{paygate.account.back-consumers}}")
                .routeId("back.account.receive")
                .routeConfigurationId(GatewayErrors.ID)
                .bean(codec, "decodeRequest")
                .choice();
        answer(byKind, AccountRequest.CustomerOverview.class, "back.balance.read", ledger, "customerOverview");
        answer(byKind, AccountRequest.MerchantTill.class, "back.till.read", ledger, "merchantTill");
        answer(byKind, AccountRequest.MerchantTransactions.class, "back.transactions.list",
                merchantLookups, "merchantTransactions");
        answer(byKind, AccountRequest.MerchantPayment.class, "back.merchant-payment.read",
                merchantLookups, "merchantPayment");
        answer(byKind, AccountRequest.SettlementExtract.class, "back.settlement-extract.read",
                merchantLookups, "settlementExtract");
        answer(byKind, AccountRequest.WalletRefund.class, "back.payment.refund", ledger, "refund");
        answer(byKind, AccountRequest.WalletTopUp.class, "back.wallet.top-up", topUp, "topUp");
        answer(byKind, AccountRequest.PaymentMessages.class, "back.payment-messages.read",
                operatorLookups, "paymentMessages");
        answer(byKind, AccountRequest.PaymentMethod.class, "back.payment-method.read", ledger, "paymentMethod");
        answer(byKind, AccountRequest.PaymentSearch.class, "back.payments.search", operatorLookups, "paymentSearch");
        answer(byKind, AccountRequest.PaymentTrail.class, "back.trail.read", operatorLookups, "paymentTrail");
        answer(byKind, AccountRequest.UnsettledReversals.class, "back.reversals.list",
                operatorLookups, "unsettledReversals");
        answer(byKind, AccountRequest.SweepRuns.class, "back.sweeps.list", operatorLookups, "sweepRuns");
        byKind.end()
                .bean(codec, "encodeAnswer");
    }

    /** One kind of question: the receive route hands it to route {@code routeId}, where one bean method answers. */
    private void answer(ChoiceDefinition byKind, Class<? extends AccountRequest> kind, String routeId,
                        Object answerer, String method) {
        String endpoint = "direct:" + routeId;
        byKind.when(body().isInstanceOf(kind)).to(endpoint);
        from(endpoint).routeId(routeId).bean(answerer, method);
    }
}
