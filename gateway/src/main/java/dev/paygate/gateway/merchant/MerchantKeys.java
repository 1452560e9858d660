package dev.paygate.gateway.merchant;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import dev.paygate.merchant.jose.Ed25519Keys;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The front unit's copy of merchants' ticket-signing public keys, registered at enrollment. A merchant may
 * hold several keys at once (rotation); a ticket names its key in the JWS header's {@code kid}.
 */
@Component
public class MerchantKeys {

    private final FrontSchema schema;
    private final Clock clock;

    public MerchantKeys(FrontSchema schema, ObjectProvider<Clock> clock) {
        this.schema = schema;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /**
     * Registers (or renews) the merchant's name and one public key: an Ed25519 {@code OKP} JWK with a
     * {@code kid} and no private part. Registering the same kid again replaces its key and reactivates it.
     */
    public void register(String merchantId, String merchantName, JWK publicKey) {
        ClaimRules.requireId(ClaimNames.MERCHANT_ID, merchantId);
        if (merchantName == null || merchantName.isBlank() || merchantName.length() > 200) {
            throw new IllegalArgumentException("a merchant name has 1 to 200 characters");
        }
        requireEd25519PublicKey(publicKey);
        Timestamp now = Timestamp.from(clock.instant());
        schema.inTransaction(status -> {
            schema.jdbc().sql("""
                            INSERT INTO front.merchant (merchant_id, name, created_at) VALUES (:merchantId, :name, :now)
                            ON CONFLICT (merchant_id) DO UPDATE SET name = EXCLUDED.name""")
                    .param("merchantId", merchantId)
                    .param("name", merchantName)
                    .param("now", now)
                    .update();
            return schema.jdbc().sql("""
                            INSERT INTO front.merchant_key (merchant_id, kid, public_jwk, status, created_at)
                            VALUES (:merchantId, :kid, :jwk, 'active', :now)
                            ON CONFLICT (merchant_id, kid) DO UPDATE SET public_jwk = EXCLUDED.public_jwk, status = 'active'""")
                    .param("merchantId", merchantId)
                    .param("kid", publicKey.getKeyID())
                    .param("jwk", publicKey.toJSONString())
                    .param("now", now)
                    .update();
        });
    }

    /** Tickets signed with a revoked key are refused as {@code bad_signature} from then on. */
    public boolean revoke(String merchantId, String kid) {
        return schema.jdbc().sql("""
                        UPDATE front.merchant_key SET status = 'revoked' WHERE merchant_id = :merchantId AND kid = :kid""")
                .param("merchantId", merchantId)
                .param("kid", kid)
                .update() == 1;
    }

    public Optional<MerchantKey> find(String merchantId, String kid) {
        return schema.jdbc().sql("""
                        SELECT m.merchant_id, m.name, k.kid, k.public_jwk, k.status
                        FROM front.merchant m JOIN front.merchant_key k USING (merchant_id)
                        WHERE m.merchant_id = :merchantId AND k.kid = :kid""")
                .param("merchantId", merchantId)
                .param("kid", kid)
                .query((row, rowNumber) -> new MerchantKey(row.getString("merchant_id"), row.getString("name"),
                        row.getString("kid"), parse(row.getString("public_jwk")), "active".equals(row.getString("status"))))
                .optional();
    }

    public Optional<String> merchantName(String merchantId) {
        return schema.jdbc().sql("SELECT name FROM front.merchant WHERE merchant_id = :merchantId")
                .param("merchantId", merchantId)
                .query(String.class)
                .optional();
    }

    private static void requireEd25519PublicKey(JWK publicKey) {
        if (!(publicKey instanceof OctetKeyPair okp) || !Curve.Ed25519.equals(okp.getCurve())) {
            throw new IllegalArgumentException("a merchant key is an Ed25519 OKP JWK");
        }
        if (okp.isPrivate()) {
            throw new IllegalArgumentException("register the merchant's public key only, never its private part");
        }
        if (okp.getKeyID() == null || okp.getKeyID().isBlank() || okp.getKeyID().length() > 200) {
            throw new IllegalArgumentException("a merchant key needs a kid of 1 to 200 characters");
        }
    }

    private static OctetKeyPair parse(String json) {
        try {
            return Ed25519Keys.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("front.merchant_key holds a JWK that does not parse", e);
        }
    }
}
