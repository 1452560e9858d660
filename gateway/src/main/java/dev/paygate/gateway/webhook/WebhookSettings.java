package dev.paygate.gateway.webhook;

import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.gateway.merchant.MerchantUrls;
import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where each merchant receives its notifications and the secret they are signed with. A merchant without
 * settings gets no notifications: its outcomes write nothing to the outbox.
 */
@Component
public class WebhookSettings {

    static final int SECRET_BYTES_MIN = 16;
    static final int SECRET_BYTES_MAX = 200;

    private final FrontSchema schema;

    public WebhookSettings(FrontSchema schema) {
        this.schema = schema;
    }

    /**
     * Sets (or replaces) the merchant's notify URL and webhook secret. The URL is https, or http to a loopback
     * host (a merchant's local test server); the secret has 16 to 200 UTF-8 bytes. Pending events go to the new
     * URL, signed with the new secret; the event numbering goes on where it was.
     *
     * @throws IllegalArgumentException on an unknown merchant, a URL or a secret that breaks these rules
     */
    public void configure(String merchantId, URI notifyUrl, String secret) {
        ClaimRules.requireId(ClaimNames.MERCHANT_ID, merchantId);
        validate(notifyUrl, secret);
        int stored = schema.jdbc().sql("""
                        INSERT INTO front.webhook_endpoint (merchant_id, notify_url, secret, updated_at)
                        SELECT merchant_id, :notifyUrl, :secret, clock_timestamp() FROM front.merchant
                        WHERE merchant_id = :merchantId
                        ON CONFLICT (merchant_id) DO UPDATE
                        SET notify_url = EXCLUDED.notify_url, secret = EXCLUDED.secret, updated_at = EXCLUDED.updated_at""")
                .param("merchantId", merchantId)
                .param("notifyUrl", notifyUrl.toString())
                .param("secret", secret)
                .update();
        if (stored != 1) {
            throw new IllegalArgumentException("unknown merchant " + merchantId);
        }
    }

    /** The merchant's settings, when it has any. */
    public Optional<Endpoint> find(String merchantId) {
        return schema.jdbc().sql("SELECT notify_url, secret FROM front.webhook_endpoint WHERE merchant_id = :merchantId")
                .param("merchantId", merchantId)
                .query((row, rowNumber) -> new Endpoint(merchantId, URI.create(row.getString("notify_url")),
                        row.getString("secret")))
                .optional();
    }

    /** Stops notifications to the merchant; events already in the outbox stay there, undelivered. */
    public boolean remove(String merchantId) {
        return schema.jdbc().sql("DELETE FROM front.webhook_endpoint WHERE merchant_id = :merchantId")
                .param("merchantId", merchantId)
                .update() == 1;
    }

    /** Checks an endpoint before anything is stored, e.g. before a merchant is enrolled with it. */
    public static void validate(URI notifyUrl, String secret) {
        requireNotifyUrl(notifyUrl);
        int secretBytes = secret == null ? 0 : secret.getBytes(StandardCharsets.UTF_8).length;
        if (secretBytes < SECRET_BYTES_MIN || secretBytes > SECRET_BYTES_MAX) {
            throw new IllegalArgumentException("a webhook secret has " + SECRET_BYTES_MIN + " to " + SECRET_BYTES_MAX
                    + " UTF-8 bytes");
        }
    }

    static void requireNotifyUrl(URI notifyUrl) {
        MerchantUrls.requireRegistrable("a notify URL", notifyUrl);
    }

    /** A merchant's webhook settings; {@link #toString()} hides the secret. */
    public record Endpoint(String merchantId, URI notifyUrl, String secret) {
        @Override
        public String toString() {
            return "Endpoint[merchantId=" + merchantId + ", notifyUrl=" + notifyUrl + ", secret=***]";
        }
    }
}
