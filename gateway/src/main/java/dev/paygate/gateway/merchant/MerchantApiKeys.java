package dev.paygate.gateway.merchant;

import dev.paygate.gateway.api.ApiError;
import dev.paygate.gateway.api.ApiErrors;
import dev.paygate.gateway.auth.BasicCredentials;
import dev.paygate.gateway.database.FrontSchema;
import jakarta.servlet.http.HttpServletRequest;
import dev.paygate.merchant.jose.ClaimNames;
import dev.paygate.merchant.jose.ClaimRules;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Merchants' API keys for {@code /api/v1} (HTTP Basic: key id as user, secret as password). Only the
 * SHA-256 of a secret is stored: secrets are 256 random bits, so no slow hash is needed to resist guessing.
 */
@Component
public class MerchantApiKeys {

    /** The keys one listing shows at most. */
    static final int KEYS_LISTED_MAX = 100;
    private static final String REALM = "Basic realm=\"paygate-merchant\", charset=\"UTF-8\"";
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH_MIN = 32;
    private static final byte[] DECOY_DIGEST = new byte[32];

    private final FrontSchema schema;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public MerchantApiKeys(FrontSchema schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
    }

    /** A new key for the merchant; the secret is shown this once and never stored. */
    public IssuedApiKey issue(String merchantId) {
        String keyId = "mk_" + randomToken(12);
        char[] secret = randomToken(SECRET_BYTES).toCharArray();
        register(merchantId, keyId, secret);
        return new IssuedApiKey(keyId, secret);
    }

    /** Stores a key whose secret was made elsewhere (seeded demo merchants); at least 32 characters. */
    public void register(String merchantId, String keyId, char[] secret) {
        ClaimRules.requireId(ClaimNames.MERCHANT_ID, merchantId);
        ClaimRules.requireId("keyId", keyId);
        if (secret == null || secret.length < SECRET_LENGTH_MIN) {
            throw new IllegalArgumentException("an API secret has at least " + SECRET_LENGTH_MIN + " characters");
        }
        int inserted = schema.jdbc().sql("""
                        INSERT INTO front.merchant_api_key (key_id, merchant_id, secret_sha256, created_at)
                        SELECT :keyId, merchant_id, :digest, :now FROM front.merchant WHERE merchant_id = :merchantId
                        ON CONFLICT (key_id) DO UPDATE SET secret_sha256 = EXCLUDED.secret_sha256, revoked = false
                        WHERE front.merchant_api_key.merchant_id = EXCLUDED.merchant_id""")
                .param("keyId", keyId)
                .param("merchantId", merchantId)
                .param("digest", sha256(secret))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (inserted != 1) {
            throw new IllegalArgumentException("unknown merchant, or the key id belongs to another merchant: " + keyId);
        }
    }

    /**
     * Revokes one of the merchant's keys unless it is its last active one, which would lock the merchant out of its
     * API and dashboard until an operator issues another.
     *
     * @return false when the merchant has no such active key
     * @throws IllegalStateException when it is the merchant's last active key
     */
    public boolean revoke(String merchantId, String keyId) {
        return LastActiveKey.endUnlessLast(schema, """
                        SELECT key_id FROM front.merchant_api_key WHERE merchant_id = :merchantId AND NOT revoked
                        FOR UPDATE""", merchantId, keyId,
                "API key " + keyId + " is the merchant's last active key: issue another first",
                () -> revoke(keyId));
    }

    /** The merchant's API keys, active first, newest first; never a secret (none is kept). */
    public List<ListedApiKey> list(String merchantId) {
        return schema.jdbc().sql("""
                        SELECT key_id, created_at, revoked FROM front.merchant_api_key WHERE merchant_id = :merchantId
                        ORDER BY revoked, created_at DESC, key_id LIMIT :limit""")
                .param("merchantId", merchantId)
                .param("limit", KEYS_LISTED_MAX)
                .query((row, rowNumber) -> new ListedApiKey(row.getString("key_id"),
                        row.getTimestamp("created_at").toInstant(), !row.getBoolean("revoked")))
                .list();
    }

    /** Whether the key exists and is not revoked: a dashboard session signed in with it ends once it is revoked. */
    public boolean isActive(String keyId) {
        return schema.jdbc().sql("SELECT 1 FROM front.merchant_api_key WHERE key_id = :keyId AND NOT revoked")
                .param("keyId", keyId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    public boolean revoke(String keyId) {
        return schema.jdbc().sql("UPDATE front.merchant_api_key SET revoked = true WHERE key_id = :keyId")
                .param("keyId", keyId)
                .update() == 1;
    }

    /** The answer to a merchant API request without a valid key: asks for the key id and secret with HTTP Basic. */
    private static ResponseEntity<ApiError> unauthorized() {
        return ApiErrors.unauthorized(REALM, "Give the merchant API key id and secret with HTTP Basic.");
    }

    /**
     * The answer to a merchant API request: {@code answer} for the merchant whose API key the request gives with
     * HTTP Basic, else {@link #unauthorized()}.
     */
    public ResponseEntity<?> answerAs(HttpServletRequest request, Function<String, ResponseEntity<?>> answer) {
        return authenticateBasic(request).<ResponseEntity<?>>map(answer).orElseGet(MerchantApiKeys::unauthorized);
    }

    /**
     * The merchant of a request whose {@code Authorization: Basic} header carries an API key id and secret, if
     * they match; decoded by Spring Security ({@link BasicCredentials}).
     */
    private Optional<String> authenticateBasic(HttpServletRequest request) {
        return BasicCredentials.of(request)
                .flatMap(given -> authenticate(given.getName(), String.valueOf(given.getCredentials()).toCharArray()));
    }

    /** The merchant id the key belongs to, when the key exists, is not revoked and the secret matches. */
    public Optional<String> authenticate(String keyId, char[] secret) {
        record StoredKey(String merchantId, byte[] digest) {
        }
        Optional<StoredKey> stored = schema.jdbc().sql("""
                        SELECT merchant_id, secret_sha256 FROM front.merchant_api_key WHERE key_id = :keyId AND NOT revoked""")
                .param("keyId", keyId)
                .query((row, rowNumber) -> new StoredKey(row.getString("merchant_id"), row.getBytes("secret_sha256")))
                .optional();
        boolean matches = MessageDigest.isEqual(sha256(secret), stored.map(StoredKey::digest).orElse(DECOY_DIGEST));
        return stored.filter(key -> matches).map(StoredKey::merchantId);
    }

    private String randomToken(int bytes) {
        byte[] token = new byte[bytes];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    private static byte[] sha256(char[] secret) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(utf8);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } finally {
            Arrays.fill(utf8.array(), (byte) 0);
        }
    }

    /** An API key as the merchant's key list shows it. */
    public record ListedApiKey(String keyId, Instant createdAt, boolean active) {
    }

    /** A freshly issued key; {@link #toString()} hides the secret. */
    public record IssuedApiKey(String keyId, char[] secret) {
        @Override
        public String toString() {
            return "IssuedApiKey[keyId=" + keyId + ", secret=***]";
        }
    }
}
