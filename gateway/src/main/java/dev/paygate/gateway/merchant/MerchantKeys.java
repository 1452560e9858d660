package dev.paygate.gateway.merchant;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import dev.paygate.merchant.jose.Ed25519Keys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The front unit's copy of merchants' ticket-signing public keys, registered at enrollment. A merchant may
 * hold several keys at once (rotation); a ticket names its key in the JWS header's {@code kid}.
 */
@Component
public record MerchantKeys(FrontSchema schema, Clock clock) {

    /** The keys one listing shows at most; rotation keeps a handful. */
    static final int KEYS_LISTED_MAX = 100;
    /** Merchants one kid may name at most before the lookup stops: a kid shared that widely identifies no one. */
    private static final int KID_HOLDERS_MAX = 2;
    private static final String SELECT_KEYS = """
            SELECT m.merchant_id, m.name, k.kid, k.public_jwk, k.status, k.created_at
            FROM front.merchant m JOIN front.merchant_key k USING (merchant_id)""";

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
        return schema.jdbc().sql(SELECT_KEYS + " WHERE m.merchant_id = :merchantId AND k.kid = :kid")
                .param("merchantId", merchantId)
                .param("kid", kid)
                .query(MerchantKeys::key)
                .optional();
    }

    /** Every merchant key registered under this kid (kids are unique per merchant only). */
    public List<MerchantKey> findByKid(String kid) {
        return schema.jdbc().sql(SELECT_KEYS + " WHERE k.kid = :kid ORDER BY m.merchant_id LIMIT :limit")
                .param("kid", kid)
                .param("limit", KID_HOLDERS_MAX)
                .query(MerchantKeys::key)
                .list();
    }

    /** The merchant's keys, active first, newest first. */
    public List<MerchantKey> list(String merchantId) {
        return schema.jdbc().sql(SELECT_KEYS + " WHERE m.merchant_id = :merchantId"
                        + " ORDER BY k.status = 'active' DESC, k.created_at DESC, k.kid LIMIT :limit")
                .param("merchantId", merchantId)
                .param("limit", KEYS_LISTED_MAX)
                .query(MerchantKeys::key)
                .list();
    }

    /**
     * Adds a new public key to a known merchant, as the merchant does itself when it rotates: a kid it holds
     * already is refused rather than replaced, so a key in use never changes under its tickets.
     *
     * @throws IllegalArgumentException on a malformed key, a kid in use or an unknown merchant
     */
    public void add(String merchantId, JWK publicKey) {
        requireEd25519PublicKey(publicKey);
        int inserted = schema.jdbc().sql("""
                        INSERT INTO front.merchant_key (merchant_id, kid, public_jwk, status, created_at)
                        SELECT merchant_id, :kid, :jwk, 'active', :now FROM front.merchant WHERE merchant_id = :merchantId
                        ON CONFLICT (merchant_id, kid) DO NOTHING""")
                .param("merchantId", merchantId)
                .param("kid", publicKey.getKeyID())
                .param("jwk", publicKey.toJSONString())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted != 1) {
            throw new IllegalArgumentException(merchantName(merchantId).isEmpty() ? "unknown merchant " + merchantId
                    : "a key with kid " + publicKey.getKeyID() + " is registered already; give the new key its own kid");
        }
    }

    /**
     * Retires one of the merchant's keys unless it is the last active one, which would leave the merchant unable
     * to take any payment. Tickets signed with it are refused as {@code bad_signature} from then on.
     *
     * @return false when the merchant has no such active key
     * @throws IllegalStateException when it is the merchant's last active key
     */
    public boolean retire(String merchantId, String kid) {
        return LastActiveKey.endUnlessLast(schema, """
                        SELECT kid FROM front.merchant_key WHERE merchant_id = :merchantId AND status = 'active'
                        FOR UPDATE""", merchantId, kid,
                "kid " + kid + " is the merchant's last active key: add its successor first",
                () -> revoke(merchantId, kid));
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

    private static MerchantKey key(ResultSet row, int rowNumber) throws SQLException {
        return new MerchantKey(row.getString("merchant_id"), row.getString("name"), row.getString("kid"),
                parse(row.getString("public_jwk")), "active".equals(row.getString("status")),
                row.getTimestamp("created_at").toInstant());
    }

    private static OctetKeyPair parse(String json) {
        try {
            return Ed25519Keys.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("front.merchant_key holds a JWK that does not parse", e);
        }
    }
}
