package dev.paygate.routes.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.iso8583.mac.Iso9797Alg3Mac;
import dev.paygate.iso8583.mac.MacKeys;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class NetworkMacKeysTest {

    private static final String KEY_HEX = "0123456789ABCDEFFEDCBA9876543210";
    private static final byte[] DATA = "0100 signed by both sides".getBytes();

    @TempDir
    Path directory;

    @AfterEach
    void forgetKeys() {
        MacKeys.unregister("cardnet-x");
        System.clearProperty("network.cardnet-x.mac-enabled");
        System.clearProperty("network.cardnet-y.mac-enabled");
    }

    @Test
    void registersAConfiguredKeyAndTurnsTheDescriptorsFilterOnOnlyWhereMacIsOn() {
        try (NetworkMacKeys keys = new NetworkMacKeys(properties(Map.of(
                "cardnet-x", new NetworkMacProperties.Mac(null, KEY_HEX, null, null, null))))) {
            keys.publish(List.of("cardnet-x", "cardnet-y"));

            assertThat(MacKeys.find("cardnet-x")).contains(Iso9797Alg3Mac.fromHex(KEY_HEX));
            assertThat(System.getProperty("network.cardnet-x.mac-enabled")).isEqualTo("true");
            assertThat(System.getProperty("network.cardnet-y.mac-enabled")).isEqualTo("false");
        }
        assertThat(MacKeys.find("cardnet-x")).as("forgotten on close").isEmpty();
    }

    @Test
    void bindsOnlyTheMacSectionOfEachNetworksSettings() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("paygate.card.networks.cardnet-x.host", "127.0.0.1")
                .withProperty("paygate.card.networks.cardnet-x.mac.key-hex", KEY_HEX)
                .withProperty("paygate.card.networks.cardnet-y.port", "10002");

        NetworkMacProperties bound = NetworkMacProperties.bind(environment);

        assertThat(bound.of("cardnet-x").keyHex()).isEqualTo(KEY_HEX);
        assertThat(bound.of("cardnet-x").on()).isTrue();
        assertThat(bound.of("cardnet-y").on()).isFalse();
        assertThat(bound.of("cardnet-z").on()).isFalse();
    }

    @Test
    void readsTheKeyFromAPkcs12KeyStore() throws Exception {
        Path keyStoreFile = directory.resolve("mac-keys.p12");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setEntry("cardnet-x-mac", new KeyStore.SecretKeyEntry(
                new SecretKeySpec(HexFormat.of().parseHex(KEY_HEX), "DESede")),
                new KeyStore.PasswordProtection("changeit".toCharArray()));
        try (OutputStream out = Files.newOutputStream(keyStoreFile)) {
            keyStore.store(out, "changeit".toCharArray());
        }

        Iso9797Alg3Mac loaded = NetworkMacKeys.load("cardnet-x",
                new NetworkMacProperties.Mac(true, null, keyStoreFile, "changeit", "cardnet-x-mac"));

        assertThat(loaded.compute(DATA)).isEqualTo(Iso9797Alg3Mac.fromHex(KEY_HEX).compute(DATA));
    }

    @Test
    void refusesToStartWithMacOnAndNoKeyNamingTheSetting() {
        try (NetworkMacKeys keys = new NetworkMacKeys(properties(Map.of(
                "cardnet-x", new NetworkMacProperties.Mac(true, "", null, null, null))))) {
            assertThatThrownBy(() -> keys.publish(List.of("cardnet-x")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("paygate.card.networks.cardnet-x.mac.key-hex");
        }
    }

    @Test
    void aBadKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> NetworkMacKeys.load("cardnet-x",
                new NetworkMacProperties.Mac(true, "0123456789ABCDEF0123", null, null, null)))
                .hasMessageContaining("key-hex").hasMessageNotContaining("0123456789ABCDEF0123");
    }

    @Test
    void settingsShowNoKey() {
        assertThat(new NetworkMacProperties.Mac(true, KEY_HEX, null, null, null).toString()).doesNotContain(KEY_HEX);
        assertThat(new NetworkMacProperties.Mac(true, null, Path.of("k.p12"), "secret", "a").toString())
                .doesNotContain("secret");
    }

    private static NetworkMacProperties properties(Map<String, NetworkMacProperties.Mac> macs) {
        Map<String, NetworkMacProperties.NetworkMac> networks = new HashMap<>();
        macs.forEach((network, mac) -> networks.put(network, new NetworkMacProperties.NetworkMac(mac)));
        return new NetworkMacProperties(networks);
    }
}
