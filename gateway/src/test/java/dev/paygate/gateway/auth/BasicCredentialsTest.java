package dev.paygate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void splitsAtTheFirstColonSoSecretsMayContainColons() {
        BasicCredentials credentials = BasicCredentials.parse(basic("mk_shop:se:cret")).orElseThrow();

        assertThat(credentials.userId()).isEqualTo("mk_shop");
        assertThat(credentials.secret()).containsExactly("se:cret".toCharArray());
    }

    @Test
    void readsUtf8() {
        assertThat(BasicCredentials.parse(basic("alice:pässwörd")).orElseThrow().secret())
                .containsExactly("pässwörd".toCharArray());
    }

    @Test
    void ignoresOtherSchemesAndMalformedValues() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.parse("Basic !!!")).isEmpty();
        assertThat(BasicCredentials.parse(basic("no-colon"))).isEmpty();
        assertThat(BasicCredentials.parse(basic(":secret-without-user"))).isEmpty();
    }

    @Test
    void neverShowsTheSecretInToString() {
        assertThat(BasicCredentials.parse(basic("alice:hunter22")).orElseThrow().toString()).doesNotContain("hunter22");
    }

    private static String basic(String userColonSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonSecret.getBytes(StandardCharsets.UTF_8));
    }
}
