package dev.paygate.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.gateway.payment.FrontFixture;
import dev.paygate.gateway.payment.FrontHttp;
import dev.paygate.gateway.payment.FrontUnitTest;
import dev.paygate.gateway.payment.StubPaymentHandover;
import dev.paygate.merchant.ticket.Ticket;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Issue 14, points 3, 5, 6 and 7, over HTTP: what a browser, another site and a prober see of the payment pages. */
@FrontUnitTest
@ExtendWith(OutputCaptureExtension.class)
class PageSecurityOverHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    StubPaymentHandover backUnit;

    private FrontHttp customer;
    private FrontFixture fixture;
    private FrontFixture.Merchant merchant;
    private String customerId;

    @BeforeEach
    void setUp() {
        customer = new FrontHttp(port);
        fixture = new FrontFixture(context, customer);
        merchant = fixture.newMerchant("Demo Roastery");
        customerId = fixture.newCustomer();
    }

    @Test
    void aConfirmOrCancelPostedFromAnotherSiteIsRefusedWithAPlainPageAndChangesNothing() {
        String compact = fixture.signedTicket(merchant, customerId, 1250);
        FrontHttp otherSite = new FrontHttp(port);

        HttpResponse<String> cancel = otherSite.postForm("/pay/cancel", Map.of("ticket", compact),
                "Origin", "https://evil.example");
        HttpResponse<String> confirm = otherSite.postForm("/pay/confirm",
                Map.of("ticket", compact, "password", FrontFixture.PASSWORD), "Origin", "https://evil.example");

        for (HttpResponse<String> refused : List.of(cancel, confirm)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("This form has expired or was not sent from our page", "nothing was done")
                    .doesNotContain("Exception");
        }
        assertThat(customer.submit("/pay/confirm", Map.of("ticket", compact, "password", FrontFixture.PASSWORD))
                .statusCode()).as("the ticket is still payable from the payment page").isEqualTo(303);
    }

    @Test
    void aConfirmWhoseSessionIsGoneShowsThePageAgainWithNothingDoneAndItsNewFormPays() {
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();
        String compact = fixture.sign(merchant, ticket);
        String token = csrfOf(customer.get("/pay/" + compact).body());
        // The same browser sent on to another front after the one that showed the page died: no session there.
        FrontHttp onAnotherFront = new FrontHttp(port);

        HttpResponse<String> again = onAnotherFront.postForm("/pay/confirm",
                Map.of("ticket", compact, "password", FrontFixture.PASSWORD, "csrf", token));

        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(again.body()).contains("nothing was done and nothing was charged", "confirm it again",
                "Confirm and pay");
        assertThat(csrfOf(again.body())).isNotEqualTo(token);
        assertThat(onAnotherFront.get("/pay/status/" + ticket.ticketId() + "?ticket=" + compact)
                .statusCode()).as("nothing was handed over").isEqualTo(404);
        assertThat(onAnotherFront.submitOpenedPage("/pay/confirm",
                Map.of("ticket", compact, "password", FrontFixture.PASSWORD)).statusCode()).isEqualTo(303);
    }

    @Test
    void aConfirmWhoseSessionIsGoneForATicketPaidMeanwhileAnswersWhatItsPaymentAnswered() {
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();
        String compact = fixture.sign(merchant, ticket);
        String token = csrfOf(customer.get("/pay/" + compact).body());
        HttpResponse<String> paid = customer.submit("/pay/confirm",
                Map.of("ticket", compact, "password", FrontFixture.PASSWORD));

        HttpResponse<String> again = new FrontHttp(port).postForm("/pay/confirm",
                Map.of("ticket", compact, "password", FrontFixture.PASSWORD, "csrf", token));

        assertThat(again.statusCode()).as("not a ticket_used refusal: the payment went through").isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).isEqualTo(paid.headers().firstValue("Location"));
        assertThat(FrontFixture.redirectParameter(again, "voucher")).isPresent();
    }

    @Test
    void aFormWithAnotherSessionsTokenIsRefused() {
        String compact = fixture.signedTicket(merchant, customerId, 1250);
        FrontHttp attacker = new FrontHttp(port);
        String attackersToken = csrfOf(attacker.get("/pay/" + compact).body());

        HttpResponse<String> forged = customer.postForm("/pay/cancel", Map.of("ticket", compact, "csrf", attackersToken));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void everyPageForbidsFramingSniffingAndReferrersAndItsCookieIsSameSiteAndHttpOnly() {
        HttpResponse<String> page = customer.get("/pay/" + fixture.signedTicket(merchant, customerId, 1250));
        HttpResponse<String> errorPage = customer.get("/pay/not-a-ticket");

        for (HttpResponse<String> answer : List.of(page, errorPage)) {
            assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("frame-ancestors 'none'", "default-src 'none'"));
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).as("only over TLS").isEmpty();
        }
        assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));
        assertThat(page.body()).doesNotContainIgnoringCase("jsessionid");
    }

    @Test
    void aSessionIdInTheUrlIsNeverTaken() {
        HttpResponse<String> answer = new FrontHttp(port).get("/pay/" + fixture.signedTicket(merchant, customerId, 1250)
                + ";jsessionid=0123456789ABCDEF0123456789ABCDEF");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void thePaymentStatusShowsOnlyToTheBrowserThatConfirmedOrToTheTicketsHolder() {
        Ticket ticket = fixture.ticket(merchant, customerId, StubPaymentHandover.NO_TIMELY_ANSWER_MINOR).build();
        String compact = fixture.sign(merchant, ticket);
        assertThat(customer.submit("/pay/confirm", Map.of("ticket", compact, "password", FrontFixture.PASSWORD))
                .statusCode()).isEqualTo(202);
        backUnit.decideLater(ticket.ticketId(), backUnit.approvedWallet(ticket.ticketId()));
        String statusPath = "/pay/status/" + ticket.ticketId();

        HttpResponse<String> stranger = new FrontHttp(port).get(statusPath);
        HttpResponse<String> confirmer = customer.get(statusPath);
        HttpResponse<String> holder = new FrontHttp(port).get(statusPath + "?ticket=" + compact);

        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).contains("No payment is known for this ticket").doesNotContain("voucher=");
        assertThat(confirmer.statusCode()).isEqualTo(303);
        assertThat(FrontFixture.redirectParameter(confirmer, "voucher")).isPresent();
        assertThat(holder.statusCode()).isEqualTo(303);
        assertThat(holder.headers().firstValue("Location")).isEqualTo(confirmer.headers().firstValue("Location"));
    }

    @Test
    void aMerchantIdFromOutsideIsLoggedOnOneLineAndACardNumberInItMasked(CapturedOutput output) {
        String compact = fixture.signedTicket(merchant, customerId, 1250);
        String mid = "\"mid\":\"" + merchant.merchantId() + "\"";

        customer.get("/pay/" + FrontFixture.withClaimReplaced(compact, mid, "\"mid\":\"evil\\r\\nforged log line\""));
        customer.get("/pay/" + FrontFixture.withClaimReplaced(compact, mid, "\"mid\":\"4000000000000051\""));

        assertThat(output.getOut()).contains("no merchant evil\\r\\nforged log line", "no merchant 400000******0051")
                .doesNotContain("\nforged log line", "4000000000000051");
    }

    private static String csrfOf(String page) {
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a form on the page").isTrue();
        return token.group(1);
    }
}
