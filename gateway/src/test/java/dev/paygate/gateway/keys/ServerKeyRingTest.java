package dev.paygate.gateway.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.paygate.merchant.jose.Ed25519Keys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeyRingTest {

    private static final Duration VOUCHER_VALIDITY = Duration.ofSeconds(60);
    private static final Instant RETIRED_AT = Instant.parse("2026-11-24T12:00:00Z");

    private final OctetKeyPair current = Ed25519Keys.generate("current");
    private final OctetKeyPair previous = Ed25519Keys.generate("previous");

    @Test
    void publishesARetiredKeyUntilItsLastVoucherHasExpired() {
        ServerKeyRing ring = new ServerKeyRing(List.of(
                new ServerKey(current, true, null),
                new ServerKey(previous.toPublicJWK(), false, RETIRED_AT)), VOUCHER_VALIDITY);

        assertThat(kids(ring.published(RETIRED_AT.plusSeconds(59)))).containsExactly("current", "previous");
        assertThat(kids(ring.published(RETIRED_AT.plusSeconds(60)))).containsExactly("current");
        assertThat(ring.published(RETIRED_AT)).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void keepsPublishingARetiredKeyWithoutARetirementTime() {
        ServerKeyRing ring = new ServerKeyRing(List.of(
                new ServerKey(previous, false, null), new ServerKey(current, true, null)), VOUCHER_VALIDITY);

        assertThat(kids(ring.published(Instant.MAX))).containsExactly("current", "previous");
        assertThat(ring.active().kid()).isEqualTo("current");
    }

    @Test
    void needsExactlyOneActiveKeyWithItsPrivatePart() {
        assertThatThrownBy(() -> new ServerKeyRing(List.of(new ServerKey(current, false, RETIRED_AT)), VOUCHER_VALIDITY))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new ServerKeyRing(List.of(
                new ServerKey(current, true, null), new ServerKey(previous, true, null)), VOUCHER_VALIDITY))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new ServerKeyRing(List.of(new ServerKey(current.toPublicJWK(), true, null)), VOUCHER_VALIDITY))
                .hasMessageContaining("private part");
        assertThatThrownBy(() -> new ServerKeyRing(List.of(new ServerKey(current, true, null),
                new ServerKey(Ed25519Keys.generate("current").toPublicJWK(), false, null)), VOUCHER_VALIDITY))
                .hasMessageContaining("share the kid");
    }

    @Test
    void readsConfiguredKeysFromJsonOrFile(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("previous.jwk"), Ed25519Keys.publicJwkJson(previous));

        ServerKey inline = ServerKeyConfiguration.toServerKey(new ServerKeyProperties.ConfiguredKey(
                "current", Ed25519Keys.toPrivateJson(current), null, ServerKeyProperties.KeyStatus.ACTIVE, null));
        ServerKey fromFile = ServerKeyConfiguration.toServerKey(new ServerKeyProperties.ConfiguredKey(
                "previous", null, file, ServerKeyProperties.KeyStatus.RETIRED, RETIRED_AT));

        assertThat(inline.active()).isTrue();
        assertThat(inline.jwk().isPrivate()).isTrue();
        assertThat(fromFile.active()).isFalse();
        assertThat(fromFile.retiredAt()).isEqualTo(RETIRED_AT);
    }

    @Test
    void configurationErrorsNameTheKeyButNeverShowItsPrivatePart() {
        String privateJson = Ed25519Keys.toPrivateJson(current);
        String privatePart = current.getD().toString();

        assertThatThrownBy(() -> ServerKeyConfiguration.toServerKey(new ServerKeyProperties.ConfiguredKey(
                "another-kid", privateJson, null, ServerKeyProperties.KeyStatus.ACTIVE, null)))
                .hasMessageContaining("another-kid").hasMessageNotContaining(privatePart);
        assertThatThrownBy(() -> ServerKeyConfiguration.toServerKey(new ServerKeyProperties.ConfiguredKey(
                "current", privateJson.replace("\"crv\"", "\"crv-broken\""), null, ServerKeyProperties.KeyStatus.ACTIVE, null)))
                .hasMessageContaining("current").hasMessageNotContaining(privatePart);
        assertThat(new ServerKey(current, true, null).toString()).doesNotContain(privatePart);
    }

    private static List<String> kids(List<OctetKeyPair> keys) {
        return keys.stream().map(OctetKeyPair::getKeyID).toList();
    }
}
