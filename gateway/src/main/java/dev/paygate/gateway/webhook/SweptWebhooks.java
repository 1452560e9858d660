package dev.paygate.gateway.webhook;

import dev.paygate.routes.events.MerchantEventListener;
import dev.paygate.routes.events.MerchantSwept;
import org.springframework.stereotype.Component;

/** A daily sweep the back unit reports becomes the merchant's {@code merchant.swept} webhook, once. */
@Component
class SweptWebhooks implements MerchantEventListener {

    private final WebhookOutbox outbox;

    SweptWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void swept(MerchantSwept swept) {
        outbox.recordSwept(swept.merchantId(), swept.businessDay(), swept.amountMinor(), swept.currency(),
                swept.iban());
    }
}
