package dev.paygate.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.gateway.payment.FrontFixture;
import dev.paygate.gateway.payment.FrontHttp;
import dev.paygate.gateway.payment.FrontUnitTest;
import dev.paygate.merchant.ticket.Ticket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Fig. 4C over HTTP: N wrong passwords lock the customer, raise an alert, and the lock stays invisible to guessers. */
@FrontUnitTest
class LockoutOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AlertLog alertLog;
    @Autowired
    CustomerCredentials credentials;

    private FrontHttp http;
    private FrontFixture fixture;
    private FrontFixture.Merchant merchant;
    private String customerId;
    /** One ticket without a customer id: the form says who pays, as an attacker probing ids would use it. */
    private Ticket openTicket;
    private String openCompact;

    @BeforeEach
    void setUp() {
        http = new FrontHttp(port);
        fixture = new FrontFixture(context, http);
        merchant = fixture.newMerchant("Demo Roastery");
        customerId = fixture.newCustomer();
        openTicket = fixture.ticket(merchant, null, 1250).build();
        openCompact = fixture.sign(merchant, openTicket);
    }

    @Test
    void fiveWrongPasswordsLockTheCustomerAndRecordAnAlertForOperators() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(confirm(customerId, "wrong guess " + attempt).body()).contains("<code>auth_failed</code>");
        }

        assertThat(credentials.isLocked(customerId)).isTrue();
        List<Alert> alerts = alertLog.recent(100).stream().filter(alert -> alert.customerId().equals(customerId)).toList();
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo("customer_locked");
            assertThat(alert.policy()).isEqualTo(LockPolicy.WATCH);
        });
    }

    @Test
    void aLockedCustomerLooksExactlyLikeAWrongPasswordOrAnUnknownIdToAGuesser() {
        String unlockedCustomer = fixture.newCustomer();
        lock(customerId);

        HttpResponse<String> locked = confirm(customerId, "another guess");
        HttpResponse<String> wrongPassword = confirm(unlockedCustomer, "another guess");
        HttpResponse<String> unknown = confirm("nobody-by-that-name", "another guess");

        assertThat(List.of(locked.statusCode(), wrongPassword.statusCode(), unknown.statusCode())).containsOnly(403);
        assertThat(withoutSignedRefusal(locked)).isEqualTo(withoutSignedRefusal(wrongPassword))
                .isEqualTo(withoutSignedRefusal(unknown))
                .contains("<code>auth_failed</code>");
        assertThat(fixture.verifiedRefusal(refusalOf(locked), openTicket).reason().code()).isEqualTo("auth_failed");
    }

    @Test
    void theRightPasswordOfALockedCustomerGetsTheSameAnswerAsAWrongOne() {
        lock(customerId);

        HttpResponse<String> right = confirm(customerId, FrontFixture.PASSWORD);
        HttpResponse<String> wrong = confirm(customerId, "another guess");

        assertThat(right.statusCode()).isEqualTo(wrong.statusCode()).isEqualTo(403);
        assertThat(withoutSignedRefusal(right)).isEqualTo(withoutSignedRefusal(wrong))
                .contains("<code>auth_failed</code>").doesNotContain("customer_locked");
        assertThat(fixture.verifiedRefusal(refusalOf(right), openTicket).reason().code()).isEqualTo("auth_failed");
    }

    @Test
    void anOperatorUnlockLetsTheCustomerPayAgain() {
        lock(customerId);
        credentials.unlock(customerId);

        assertThat(confirm(customerId, FrontFixture.PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void theCustomerApiCountsFailuresAndHidesTheLockTheSameWay() {
        lock(customerId);

        HttpResponse<String> wrong = http.get("/api/v1/customers/me/vouchers", "Authorization", basic(customerId, "guess"));
        HttpResponse<String> right = http.get("/api/v1/customers/me/vouchers", "Authorization", basic(customerId, FrontFixture.PASSWORD));

        for (HttpResponse<String> answer : List.of(wrong, right)) {
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).contains("\"reason\":\"auth_failed\"");
        }
        assertThat(right.body()).isEqualTo(wrong.body());
    }

    private void lock(String customer) {
        for (int attempt = 0; attempt < 5; attempt++) {
            confirm(customer, "wrong guess " + attempt);
        }
        assertThat(credentials.isLocked(customer)).isTrue();
    }

    private HttpResponse<String> confirm(String customer, String password) {
        return http.submit("/pay/confirm", Map.of("ticket", openCompact, "customerId", customer, "password", password));
    }

    private static String refusalOf(HttpResponse<String> page) {
        return FrontFixture.continueLink(page).orElseThrow().replaceFirst(".*refusal=", "");
    }

    /** The page minus the signed refusal and the CSRF token, which differ from one answer to the next by design. */
    private static String withoutSignedRefusal(HttpResponse<String> page) {
        return page.body().replaceAll("refusal=[A-Za-z0-9._-]+", "refusal=...")
                .replaceAll("name=\"csrf\" value=\"[^\"]+\"", "name=\"csrf\" value=\"...\"");
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
