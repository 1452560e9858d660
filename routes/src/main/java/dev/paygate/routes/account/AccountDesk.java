package dev.paygate.routes.account;

import dev.paygate.routes.FrontUnit;
import java.time.LocalDate;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jms.JmsConstants;
import org.springframework.stereotype.Component;

/**
 * The front unit's only way to balances, history, refunds and top-ups: each call is one request to the back
 * office over the broker. Throws {@link AccountDeskException} when the question cannot be answered.
 */
@Component
@FrontUnit
public record AccountDesk(ProducerTemplate producer, AccountCodec codec, AccountProperties properties) {

    public AccountAnswer.CustomerOverview customerOverview(String customerId, int historyLimit) {
        return ask(new AccountRequest.CustomerOverview(customerId, historyLimit), AccountAnswer.CustomerOverview.class);
    }

    public AccountAnswer.MerchantTill merchantTill(String merchantId) {
        return ask(new AccountRequest.MerchantTill(merchantId), AccountAnswer.MerchantTill.class);
    }

    /** @param status a {@code RegisterStatus} name, or null for all */
    public AccountAnswer.MerchantTransactions merchantTransactions(String merchantId, int page, int size,
                                                                   String status) {
        return merchantTransactions(new AccountRequest.MerchantTransactions(merchantId, page, size, status));
    }

    /** The merchant's payments matching the request's filters. */
    public AccountAnswer.MerchantTransactions merchantTransactions(AccountRequest.MerchantTransactions request) {
        return ask(request, AccountAnswer.MerchantTransactions.class);
    }

    /** One of the merchant's payments; {@link AccountDeskException} {@code unknown_ticket} for any other ticket. */
    public AccountAnswer.MerchantPayment merchantPayment(String merchantId, String ticketId) {
        return ask(new AccountRequest.MerchantPayment(merchantId, ticketId), AccountAnswer.MerchantPayment.class);
    }

    /** {@link AccountDeskException} {@code unknown_sweep} when that day's sweep did not pay the merchant. */
    public AccountAnswer.SettlementExtract settlementExtract(String merchantId, LocalDate businessDay) {
        return ask(new AccountRequest.SettlementExtract(merchantId, businessDay), AccountAnswer.SettlementExtract.class);
    }

    public AccountAnswer.Refund refundWalletPayment(String merchantId, String ticketId, long amountMinor,
                                                    String idempotencyKey) {
        return ask(new AccountRequest.WalletRefund(merchantId, ticketId, amountMinor, idempotencyKey),
                AccountAnswer.Refund.class);
    }

    /**
     * On {@link AccountDeskException#UNAVAILABLE} the top-up may still complete: asking again with the same
     * idempotency key never credits the wallet twice.
     */
    public AccountAnswer.TopUp topUpWallet(String customerId, long amountMinor, String idempotencyKey) {
        return ask(new AccountRequest.WalletTopUp(customerId, amountMinor, idempotencyKey), AccountAnswer.TopUp.class);
    }

    /** Throws {@link AccountDeskException} with {@code unknown_ticket} when no payment has that ticket. */
    public AccountAnswer.PaymentMessages paymentMessages(String ticketId) {
        return ask(new AccountRequest.PaymentMessages(ticketId), AccountAnswer.PaymentMessages.class);
    }

    /**
     * How a payment of this amount would be settled for the customer. Waits only {@code hint-timeout-ms}: the
     * payment page shows the answer as a hint and does without it.
     */
    public AccountAnswer.PaymentMethod paymentMethod(String customerId, long amountMinor, String currency) {
        return ask(new AccountRequest.PaymentMethod(customerId, amountMinor, currency), AccountAnswer.PaymentMethod.class,
                properties.hintTimeoutMs());
    }

    /**
     * Operators: payments by ticket id, order id, customer id, STAN, RRN or approval code; blank for the latest.
     *
     * @param status a {@code RegisterStatus} name, or null for all
     */
    public AccountAnswer.PaymentSearch searchPayments(String term, String status, int limit) {
        return ask(new AccountRequest.PaymentSearch(term, status, limit), AccountAnswer.PaymentSearch.class);
    }

    /** Operators: one payment's trail; {@link AccountDeskException} {@code unknown_ticket} when none is registered. */
    public AccountAnswer.PaymentTrail paymentTrail(String ticketId) {
        return ask(new AccountRequest.PaymentTrail(ticketId), AccountAnswer.PaymentTrail.class);
    }

    public AccountAnswer.UnsettledReversals unsettledReversals(int limit) {
        return ask(new AccountRequest.UnsettledReversals(limit), AccountAnswer.UnsettledReversals.class);
    }

    public AccountAnswer.SweepRuns sweepRuns(int limit) {
        return ask(new AccountRequest.SweepRuns(limit), AccountAnswer.SweepRuns.class);
    }

    private <T extends AccountAnswer> T ask(AccountRequest request, Class<T> expected) {
        return ask(request, expected, properties.replyTimeoutMs());
    }

    private <T extends AccountAnswer> T ask(AccountRequest request, Class<T> expected, long replyTimeoutMs) {
        String json;
        try {
            json = producer.requestBodyAndHeader(FrontAccountRoutes.REQUEST, codec.encodeRequest(request),
                    JmsConstants.JMS_REQUEST_TIMEOUT, replyTimeoutMs, String.class);
        } catch (CamelExecutionException brokerFault) {
            // E.g. the broker failing over: the same for the caller as no answer (a top-up may still have left).
            throw new AccountDeskException(AccountDeskException.UNAVAILABLE,
                    "the back office could not be reached: " + brokerFault.getCause());
        }
        if (json == null || json.isBlank()) {
            throw new AccountDeskException(AccountDeskException.UNAVAILABLE, "the back office did not answer in time");
        }
        AccountAnswer answer = codec.decodeAnswer(json);
        if (answer instanceof AccountAnswer.Refused refused) {
            throw new AccountDeskException(refused.reason(), refused.message());
        }
        return expected.cast(answer);
    }
}
