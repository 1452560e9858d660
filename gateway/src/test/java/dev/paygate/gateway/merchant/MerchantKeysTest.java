package dev.paygate.gateway.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.gateway.payment.FrontTestDatabase;
import dev.paygate.gateway.payment.MutableClock;
import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.merchant.jose.Ids;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MerchantKeysTest {

    private final FrontSchema schema = new FrontSchema(FrontTestDatabase.dataSource());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final MerchantKeys merchantKeys = new MerchantKeys(schema, clock);
    private final MerchantApiKeys apiKeys = new MerchantApiKeys(schema, clock);
    private final String merchantId = "shop-" + Ids.random().substring(0, 10);

    @Test
    void keepsSeveralKeysPerMerchantForRotation() {
        OctetKeyPair first = Ed25519Keys.generate("k1");
        OctetKeyPair second = Ed25519Keys.generate("k2");

        merchantKeys.register(merchantId, "Demo Roastery", Ed25519Keys.publicJwk(first));
        merchantKeys.register(merchantId, "Demo Roastery & Co", Ed25519Keys.publicJwk(second));

        assertThat(merchantKeys.find(merchantId, "k1").orElseThrow().publicKey()).isEqualTo(first.toPublicJWK());
        assertThat(merchantKeys.find(merchantId, "k2").orElseThrow().active()).isTrue();
        assertThat(merchantKeys.merchantName(merchantId)).hasValue("Demo Roastery & Co");
        assertThat(merchantKeys.find(merchantId, "k3")).isEmpty();
    }

    @Test
    void registeringTheSameKidAgainReplacesAndReactivatesIt() {
        OctetKeyPair first = Ed25519Keys.generate("k1");
        OctetKeyPair replacement = Ed25519Keys.generate("k1");
        merchantKeys.register(merchantId, "Demo Roastery", Ed25519Keys.publicJwk(first));
        merchantKeys.revoke(merchantId, "k1");

        merchantKeys.register(merchantId, "Demo Roastery", Ed25519Keys.publicJwk(replacement));

        MerchantKey stored = merchantKeys.find(merchantId, "k1").orElseThrow();
        assertThat(stored.publicKey()).isEqualTo(replacement.toPublicJWK());
        assertThat(stored.active()).isTrue();
    }

    @Test
    void acceptsOnlyPublicEd25519KeysWithAKid() {
        OctetKeyPair key = Ed25519Keys.generate("k1");

        assertThatThrownBy(() -> merchantKeys.register(merchantId, "Shop", key)).hasMessageContaining("public key only");
        assertThatThrownBy(() -> merchantKeys.register(merchantId, "Shop", Ed25519Keys.generate(null).toPublicJWK()))
                .hasMessageContaining("kid");
        assertThatThrownBy(() -> merchantKeys.register("bad id!", "Shop", key.toPublicJWK())).hasMessageContaining("mid");
    }

    @Test
    void apiKeysAuthenticateTheirOwnMerchantOnly() {
        merchantKeys.register(merchantId, "Demo Roastery", Ed25519Keys.publicJwk(Ed25519Keys.generate("k1")));
        MerchantApiKeys.IssuedApiKey key = apiKeys.issue(merchantId);

        assertThat(apiKeys.authenticate(key.keyId(), key.secret())).hasValue(merchantId);
        assertThat(apiKeys.authenticate(key.keyId(), "wrong secret".toCharArray())).isEmpty();
        assertThat(apiKeys.authenticate("mk_unknown", key.secret())).isEmpty();
        assertThat(key.toString()).doesNotContain(new String(key.secret()));
        String storedDigest = schema.jdbc().sql("SELECT encode(secret_sha256, 'hex') FROM front.merchant_api_key WHERE key_id = ?")
                .param(key.keyId()).query(String.class).single();
        assertThat(storedDigest).hasSize(64).doesNotContain(new String(key.secret()));

        apiKeys.revoke(key.keyId());
        assertThat(apiKeys.authenticate(key.keyId(), key.secret())).isEmpty();
    }

    @Test
    void aSeededApiKeyCannotBeTakenOverByAnotherMerchant() {
        String otherMerchant = "shop-" + Ids.random().substring(0, 10);
        merchantKeys.register(merchantId, "Demo Roastery", Ed25519Keys.publicJwk(Ed25519Keys.generate("k1")));
        merchantKeys.register(otherMerchant, "Other", Ed25519Keys.publicJwk(Ed25519Keys.generate("k1")));
        char[] secret = "demo-secret-demo-secret-demo-secret".toCharArray();
        String keyId = "mk_demo_" + Ids.random().substring(0, 6);
        apiKeys.register(merchantId, keyId, secret);

        assertThatThrownBy(() -> apiKeys.register(otherMerchant, keyId, secret)).hasMessageContaining("another merchant");
        assertThat(apiKeys.authenticate(keyId, secret)).hasValue(merchantId);
    }
}
