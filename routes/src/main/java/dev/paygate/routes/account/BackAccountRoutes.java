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
    static final String MERCHANT_PAYMENT = "direct:back.account.merchant-payment";
    static final String SETTLEMENT_EXTRACT = "direct:back.account.settlement-extract";
    static final String REFUND = "direct:back.account.refund";
    static final String TOP_UP = "direct:back.account.top-up";

    private final AccountCodec codec;
    private final AccountProperties properties;
    private final BackOfficeLedger ledger;
    private final WalletTopUpStep topUp;
    private final MerchantLookups merchantLookups;

    public BackAccountRoutes(AccountCodec codec, AccountProperties properties, BackOfficeLedger ledger,
                             WalletTopUpStep topUp, MerchantLookups merchantLookups) {
        this.codec = codec;
        this.properties = properties;
        this.ledger = ledger;
        this.topUp = topUp;
        this.merchantLookups = merchantLookups;
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
                    .when(body().isInstanceOf(AccountRequest.MerchantPayment.class)).to(MERCHANT_PAYMENT)
                    .when(body().isInstanceOf(AccountRequest.SettlementExtract.class)).to(SETTLEMENT_EXTRACT)
                    .when(body().isInstanceOf(AccountRequest.WalletRefund.class)).to(REFUND)
                    .when(body().isInstanceOf(AccountRequest.WalletTopUp.class)).to(TOP_UP)
                .end()
                .bean(codec, "encodeAnswer");

        from(BALANCE).routeId("back.balance.read").bean(ledger, "customerOverview");
        from(TILL).routeId("back.till.read").bean(ledger, "merchantTill");
        from(TRANSACTIONS).routeId("back.transactions.list").bean(merchantLookups, "merchantTransactions");
        from(MERCHANT_PAYMENT).routeId("back.merchant-payment.read").bean(merchantLookups, "merchantPayment");
        from(SETTLEMENT_EXTRACT).routeId("back.settlement-extract.read").bean(merchantLookups, "settlementExtract");
        from(REFUND).routeId("back.payment.refund").bean(ledger, "refund");
        from(TOP_UP).routeId("back.wallet.top-up").bean(topUp, "topUp");
    }
}
