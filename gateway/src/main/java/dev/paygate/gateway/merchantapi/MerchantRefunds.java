package dev.paygate.gateway.merchantapi;

import dev.paygate.gateway.webhook.WebhookOutbox;
import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.account.AccountDesk;
import org.springframework.stereotype.Component;

/**
 * A merchant's refund, from the API or the dashboard alike: the back office refunds (a wallet payment to the
 * wallet, a card payment to the card), then the {@code payment.refunded} webhook is recorded, once per refund.
 */
@Component
public record MerchantRefunds(AccountDesk desk, WebhookOutbox webhooks) {

    /**
     * @param idempotencyKey unique per refund the merchant means; a repeat answers the first refund and moves nothing
     * @throws dev.paygate.routes.account.AccountDeskException when the back office does not answer
     */
    public AccountAnswer.Refund refund(String merchantId, String ticketId, long amountMinor, String idempotencyKey) {
        AccountAnswer.Refund refund = desk.refundWalletPayment(merchantId, ticketId, amountMinor, idempotencyKey);
        if (refund.approved() && !refund.replayed()) {
            webhooks.recordRefunded(merchantId, refund);
        }
        return refund;
    }

    /** Words for a refused refund's reason, for people. */
    public static String explain(String reason) {
        return RefundRequest.explain(reason);
    }
}
