package dev.paygate.shop.paygate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.OctetKeyPair;

import dev.paygate.merchant.jose.Ed25519Keys;
import dev.paygate.shop.DemoMerchantKey;
import dev.paygate.shop.ShopWebTest;

class MerchantKeyFileTest {

    @TempDir
    private Path directory;

    @Test
    void theDemoKeyPairInConfigBelongsTogether() {
        OctetKeyPair privateKey = MerchantKeyFile.load(Path.of(ShopWebTest.DEMO_PRIVATE_KEY_FILE));
        OctetKeyPair registered = DemoMerchantKey.registeredPublicKey();

        assertThat(registered.isPrivate()).as("the registered file holds no private part").isFalse();
        assertThat(registered.getKeyID()).isEqualTo(privateKey.getKeyID());
        assertThat(Ed25519Keys.publicJwk(privateKey)).isEqualTo(registered);
    }

    @Test
    void aMissingFileIsReportedWithItsPathAndTheFix() {
        Path missing = directory.resolve("absent.jwk.json");

        assertThatThrownBy(() -> MerchantKeyFile.load(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("shop.private-key-file");
    }

    @Test
    void aPublicKeyCannotSignTickets() throws IOException {
        Path publicOnly = Files.writeString(directory.resolve("public.jwk.json"),
                Ed25519Keys.publicJwkJson(Ed25519Keys.generate()));

        assertThatThrownBy(() -> MerchantKeyFile.load(publicOnly))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only a public key");
    }

    @Test
    void aBrokenFileIsReportedWithoutItsContent() throws IOException {
        Path broken = Files.writeString(directory.resolve("broken.jwk.json"),
                "{\"kty\":\"OKP\",\"d\":\"secret-bytes\"");

        assertThatThrownBy(() -> MerchantKeyFile.load(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("secret-bytes")
                .hasNoCause();
    }
}
