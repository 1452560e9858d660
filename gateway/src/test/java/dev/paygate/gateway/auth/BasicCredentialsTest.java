package dev.paygate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class BasicCredentialsTest {

    @Test
    void splitsAtTheFirstColonSoSecretsMayContainColons() {
        UsernamePasswordAuthenticationToken credentials = of(basic("mk_shop:se:cret")).orElseThrow();

        assertThat(credentials.getName()).isEqualTo("mk_shop");
        assertThat(credentials.getCredentials()).isEqualTo("se:cret");
    }

    @Test
    void readsUtf8() {
        assertThat(of(basic("alice:pässwörd")).orElseThrow().getCredentials()).isEqualTo("pässwörd");
    }

    @Test
    void ignoresOtherSchemesAndMalformedValues() {
        assertThat(of(null)).isEmpty();
        assertThat(of("Bearer abc")).isEmpty();
        assertThat(of("Basic !!!")).isEmpty();
        assertThat(of(basic("no-colon"))).isEmpty();
        assertThat(of(basic(":secret-without-user"))).isEmpty();
    }

    @Test
    void neverShowsTheSecretInToString() {
        assertThat(of(basic("alice:hunter22")).orElseThrow().toString()).doesNotContain("hunter22");
    }

    private static Optional<UsernamePasswordAuthenticationToken> of(String authorizationHeader) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (authorizationHeader != null) {
            request.addHeader("Authorization", authorizationHeader);
        }
        return BasicCredentials.of(request);
    }

    private static String basic(String userColonSecret) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonSecret.getBytes(StandardCharsets.UTF_8));
    }
}
