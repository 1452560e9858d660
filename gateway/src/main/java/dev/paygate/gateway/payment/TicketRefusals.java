package dev.paygate.gateway.payment;

import dev.paygate.gateway.merchant.MerchantShopUrls;
import dev.paygate.gateway.ticket.CheckedTicket;
import dev.paygate.gateway.voucher.VoucherIssuer;
import dev.paygate.gateway.webhook.WebhookOutbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Where the refusal of a ticket that failed its checks may go (DESIGN step 3: a signed refusal wherever that is
 * safe). Signed by the merchant but broken: the signed refusal to the ticket's own cancel URL. Naming a merchant's
 * key but not trustworthy: a {@code ticket.refused} webhook to that merchant, and a link to its registered shop
 * address. Naming nobody: the page alone.
 */
@Component
record TicketRefusals(VoucherIssuer voucherIssuer, WebhookOutbox webhooks, MerchantShopUrls shopUrls,
        PaymentMetrics metrics) {

    /** The merchant's own ticket with a broken claim: its cancel URL gets the signed refusal, with the reason. */
    PaymentOutcome refuse(CheckedTicket.Invalid invalid) {
        String message = RefusalMessages.explained(invalid.reason(), invalid.explanation());
        String refusal = voucherIssuer.refuse(invalid.ticketId(), invalid.merchantId(), invalid.orderId(),
                invalid.reason(), message);
        metrics.refused(null, invalid.reason());
        return new PaymentOutcome.Refused(invalid.reason(), message, invalid.merchantName(),
                ReturnUrls.withRefusal(invalid.cancelUrl(), refusal), null,
                PaymentOutcome.Trust.SIGNED);
    }

    /**
     * Nothing goes back through the ticket. When it names a merchant's key, that merchant is told by webhook (once
     * per ticket, however often it is opened) and the customer is offered the shop's registered address.
     */
    PaymentOutcome refuse(CheckedTicket.Rejected rejected, String compactTicket) {
        metrics.refused(null, rejected.reason());
        String message = RefusalMessages.message(rejected.reason());
        if (rejected.sender().isEmpty()) {
            return new PaymentOutcome.Refused(rejected.reason(), message, null, null, null, PaymentOutcome.Trust.UNKNOWN);
        }
        CheckedTicket.Sender sender = rejected.sender().get();
        webhooks.recordTicketRefused(sender, rejected.reason(), "ticket-refused:" + digest(compactTicket));
        return new PaymentOutcome.Refused(rejected.reason(), message, sender.merchantName(),
                shopUrls.find(sender.merchantId()).orElse(null), null,
                sender.signatureVerified() ? PaymentOutcome.Trust.SIGNED_UNUSABLE : PaymentOutcome.Trust.NAMES_MERCHANT);
    }

    /** Names the ticket in the outbox's dedupe key without storing the ticket itself. */
    private static String digest(String compactTicket) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(compactTicket.strip().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
