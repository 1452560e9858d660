package dev.paygate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.gateway.payment.FrontFixture;
import dev.paygate.gateway.payment.FrontHttp;
import dev.paygate.gateway.payment.FrontTestApplication;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 14, point 2, over HTTP: a source that keeps guessing is delayed long before any customer is locked, and
 * only that source. Sources are told apart by {@code X-Forwarded-For}, as behind a reverse proxy on loopback.
 */
@SpringBootTest(classes = FrontTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "server.address=127.0.0.1",
                "paygate.data-directory=target/front-test-data",
                // The front test application has no Tomcat customizers, so Spring's filter reads X-Forwarded-For here;
                // production uses "native" (Tomcat trusts the header only from an internal proxy).
                "server.forward-headers-strategy=framework",
                "paygate.front.auth.throttle.free-failures=2",
                "paygate.front.auth.throttle.delay-ms=60000",
        })
class ThrottleOverHttpTest {

    private static final String GUESSER = "198.51.100.7";
    private static final String SOMEONE_ELSE = "203.0.113.9";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CustomerCredentials credentials;
    @Autowired
    AlertLog alertLog;

    private FrontHttp http;
    private FrontFixture fixture;
    private FrontFixture.Merchant merchant;
    private String customerId;

    @BeforeEach
    void setUp() {
        http = new FrontHttp(port);
        fixture = new FrontFixture(context, http);
        merchant = fixture.newMerchant("Demo Roastery");
        customerId = fixture.newCustomer();
    }

    @Test
    void aGuessingSourceIsDelayedBeforeAnyLockAndOtherSourcesStillPay() {
        for (int guess = 1; guess <= 3; guess++) {
            assertThat(confirm(GUESSER, "wrong guess " + guess).body()).contains("<code>auth_failed</code>");
        }

        HttpResponse<String> delayed = confirm(GUESSER, FrontFixture.PASSWORD);
        HttpResponse<String> elsewhere = confirm(SOMEONE_ELSE, FrontFixture.PASSWORD);

        assertThat(delayed.body()).as("not even the right password counts while the source waits")
                .contains("<code>auth_failed</code>");
        assertThat(elsewhere.statusCode()).isEqualTo(303);
        assertThat(credentials.isLocked(customerId)).isFalse();
        assertThat(alertLog.recent(100)).anySatisfy(alert -> {
            assertThat(alert.customerId()).isEqualTo(customerId);
            assertThat(alert.kind()).isEqualTo(Alert.SOURCE_THROTTLED);
        });
    }

    @Test
    void theCustomerApiAnswersADelayedSourceWithTooManyAttempts() {
        String guesser = "198.51.100.8";
        for (int guess = 1; guess <= 3; guess++) {
            assertThat(vouchers(guesser, "wrong guess " + guess).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> delayed = vouchers(guesser, FrontFixture.PASSWORD);

        assertThat(delayed.statusCode()).isEqualTo(429);
        assertThat(delayed.body()).contains("\"reason\":\"too_many_attempts\"");
        assertThat(vouchers("198.51.100.9", FrontFixture.PASSWORD).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> confirm(String source, String password) {
        return http.submit("/pay/confirm", Map.of("ticket", fixture.signedTicket(merchant, customerId, 1250),
                "password", password), "X-Forwarded-For", source);
    }

    private HttpResponse<String> vouchers(String source, String password) {
        String basic = Base64.getEncoder().encodeToString((customerId + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.get("/api/v1/customers/me/vouchers", "Authorization", "Basic " + basic, "X-Forwarded-For", source);
    }
}
