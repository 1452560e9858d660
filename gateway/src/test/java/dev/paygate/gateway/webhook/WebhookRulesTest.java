package dev.paygate.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The notify-URL rule and the back-off, without a database. */
class WebhookRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example/hooks", "http://127.0.0.1:8081/hooks", "http://localhost/hooks",
            "http://[::1]:9000/hooks"})
    void acceptsHttpsAndLoopbackHttp(String url) {
        assertThatCode(() -> WebhookSettings.requireNotifyUrl(URI.create(url))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://shop.example/hooks", "ftp://shop.example/hooks", "https://user:pw@shop.example/",
            "/relative/hooks", "http://10.0.0.1/hooks", "http://127.0.0.1.nip.io/hooks", "https://shop.example/#frag"})
    void refusesEverythingElse(String url) {
        assertThatThrownBy(() -> WebhookSettings.requireNotifyUrl(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retryDelayDoublesUpToItsCeiling() {
        WebhookProperties properties = new WebhookProperties(null, null, null, null, null, null, null, null);

        assertThat(properties.retryDelayAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.retryDelayAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.retryDelayAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(properties.retryDelayAfter(19)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        WebhookProperties properties = new WebhookProperties(null, null, null, null, null, null, null, null);

        assertThat(properties.pollIntervalMs()).isEqualTo(1_000);
        assertThat(properties.batchMax()).isEqualTo(20);
        assertThat(properties.connectTimeoutMs()).isEqualTo(5_000);
        assertThat(properties.readTimeoutMs()).isEqualTo(5_000);
        assertThat(properties.attemptsMax()).isEqualTo(20);
    }

    @Test
    void theEndpointHidesItsSecret() {
        WebhookSettings.Endpoint endpoint = new WebhookSettings.Endpoint("shop-1", URI.create("https://shop.example/h"),
                "whsec_do_not_print_this");

        assertThat(endpoint.toString()).doesNotContain("whsec_do_not_print_this").contains("***");
    }
}
