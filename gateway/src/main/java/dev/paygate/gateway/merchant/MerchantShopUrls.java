package dev.paygate.gateway.merchant;

import dev.paygate.gateway.database.FrontSchema;
import java.net.URI;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Each merchant's registered shop address. A customer whose ticket cannot be trusted is offered this address,
 * never one from the ticket: a forged ticket could otherwise send them anywhere with our name on the way.
 */
@Component
public class MerchantShopUrls {

    private final FrontSchema schema;

    public MerchantShopUrls(FrontSchema schema) {
        this.schema = schema;
    }

    /** Checks an address before anything is stored, e.g. before a merchant is enrolled with it. */
    public static URI validate(URI shopUrl) {
        return MerchantUrls.requireRegistrable("a shop URL", shopUrl);
    }

    /** @throws IllegalArgumentException on an unknown merchant or an address that breaks {@link MerchantUrls}' rule */
    public void register(String merchantId, URI shopUrl) {
        validate(shopUrl);
        int updated = schema.jdbc().sql("UPDATE front.merchant SET shop_url = :shopUrl WHERE merchant_id = :merchantId")
                .param("shopUrl", shopUrl.toString())
                .param("merchantId", merchantId)
                .update();
        if (updated != 1) {
            throw new IllegalArgumentException("unknown merchant " + merchantId);
        }
    }

    public Optional<URI> find(String merchantId) {
        return schema.jdbc().sql("SELECT shop_url FROM front.merchant WHERE merchant_id = :merchantId AND shop_url IS NOT NULL")
                .param("merchantId", merchantId)
                .query(String.class)
                .optional()
                .map(URI::create);
    }
}
