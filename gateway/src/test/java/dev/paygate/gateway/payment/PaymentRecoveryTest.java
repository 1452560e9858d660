package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.gateway.webhook.EventView;
import dev.paygate.gateway.webhook.WebhookOutbox;
import dev.paygate.gateway.webhook.WebhookSettings;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.routes.order.HandoverProperties;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every payment ends final: tickets left undecided (no answer in time, a crash before the order left) are found
 * by the recovery job, asked after at the back unit or handed over again, and recorded with their voucher or
 * refusal and webhook, as if the answer had come in time. The test clock decides when a ticket is overdue.
 */
@FrontUnitTest
class PaymentRecoveryTest extends FrontFlowTestBase {

    @Autowired PaymentRecovery recovery;
    @Autowired UsedTickets usedTickets;
    @Autowired WebhookOutbox webhooks;
    @Autowired HandoverProperties handoverProperties;
    @Autowired WebhookSettings webhookSettings;

    @BeforeEach
    void merchantTakesWebhooks() {
        // Loopback and closed: the events are recorded (what this test reads); their delivery just fails.
        webhookSettings.configure(merchant.merchantId(), URI.create("http://127.0.0.1:9/notify"),
                "recovery-test-secret-0123456789abcdef");
    }

    @AfterEach
    void backUnitAnswersAgain() {
        backUnit.unreachable(false);
    }

    @Test
    void ticketPendingPastTheWaitIsFinishedFromTheBackUnitsDecision() {
        Ticket ticket = fixture.ticket(merchant, customerId, StubPaymentHandover.NO_TIMELY_ANSWER_MINOR).build();
        assertThat(confirm(fixture.sign(merchant, ticket)).statusCode()).isEqualTo(202);
        backUnit.decideLater(ticket.ticketId(), backUnit.approvedWallet(ticket.ticketId()));

        pastTheWait();
        recovery.recoverUndecided();

        assertThat(outcome(ticket)).isEqualTo(UsedTickets.Outcome.APPROVED);
        assertThat(eventTypes()).contains("payment.approved");
        HttpResponse<String> status = http.get("/pay/status/" + ticket.ticketId());
        assertThat(status.statusCode()).isEqualTo(303);
        fixture.verifiedVoucher(FrontFixture.redirectParameter(status, "voucher").orElseThrow(), ticket);
        assertThat(backUnit.resends(ticket.ticketId())).isZero();
    }

    @Test
    void ticketWhoseOrderNeverLeftIsHandedOverAgainAndDecided() {
        Ticket ticket = fixture.ticket(merchant, customerId, 1_250).build();
        // What a front unit that died between claiming the ticket and handing the order over leaves behind.
        assertThat(usedTickets.claimForPayment(ticket.ticketId(), merchant.merchantId(), customerId,
                fixture.sign(merchant, ticket))).isTrue();

        pastTheWait();
        recovery.recoverUndecided();
        assertThat(backUnit.resends(ticket.ticketId())).isEqualTo(1);
        assertThat(outcome(ticket)).as("the resent order is found by the next round").isEqualTo(UsedTickets.Outcome.IN_PROGRESS);
        fixture.clock().advance(Duration.ofMillis(handoverProperties.recoveryIntervalMs() + 1));
        recovery.recoverUndecided();

        assertThat(outcome(ticket)).isEqualTo(UsedTickets.Outcome.APPROVED);
        assertThat(backUnit.resends(ticket.ticketId())).isEqualTo(1);
        assertThat(backUnit.order(ticket.ticketId())).isEmpty();
    }

    @Test
    void expiredTicketTheBackUnitNeverSawEndsRefusedWithItsSignedRefusalAndWebhook() {
        Ticket ticket = fixture.ticket(merchant, customerId, 1_250).validFor(Duration.ofMinutes(1)).build();
        String compact = fixture.sign(merchant, ticket);
        assertThat(usedTickets.claimForPayment(ticket.ticketId(), merchant.merchantId(), customerId, compact)).isTrue();

        fixture.clock().advance(Duration.ofMinutes(2));
        recovery.recoverUndecided();
        fixture.clock().advance(Duration.ofMillis(handoverProperties.recoveryIntervalMs() + 1));
        recovery.recoverUndecided();

        assertThat(outcome(ticket)).isEqualTo(UsedTickets.Outcome.REFUSED);
        assertThat(eventTypes()).contains("payment.refused");
        // No browser confirmed it (its front unit died first): the ticket itself opens its status.
        HttpResponse<String> status = http.get("/pay/status/" + ticket.ticketId() + "?ticket=" + compact);
        assertThat(status.statusCode()).isEqualTo(503);
        assertThat(status.body()).contains("<code>payment_expired</code>", "Nothing was charged");
        Refusal refusal = fixture.verifiedRefusal(
                FrontFixture.continueLink(status).orElseThrow().replaceFirst(".*refusal=", ""), ticket);
        assertThat(refusal.reason().code()).isEqualTo("payment_expired");
    }

    @Test
    void backUnitThatDoesNotAnswerLeavesTicketsForTheRoundAfterItReturns() {
        Ticket ticket = fixture.ticket(merchant, customerId, StubPaymentHandover.NO_TIMELY_ANSWER_MINOR).build();
        assertThat(confirm(fixture.sign(merchant, ticket)).statusCode()).isEqualTo(202);
        backUnit.decideLater(ticket.ticketId(), backUnit.approvedWallet(ticket.ticketId()));
        backUnit.unreachable(true);

        pastTheWait();
        recovery.recoverUndecided();
        assertThat(outcome(ticket)).isEqualTo(UsedTickets.Outcome.PENDING);
        backUnit.unreachable(false);
        // No pause was counted while the back unit was away: the very next round recovers it.
        recovery.recoverUndecided();

        assertThat(outcome(ticket)).isEqualTo(UsedTickets.Outcome.APPROVED);
    }

    @Test
    void pendingPageRefreshesItselfTowardsTheStatus() {
        Ticket ticket = fixture.ticket(merchant, customerId, StubPaymentHandover.NO_TIMELY_ANSWER_MINOR).build();

        HttpResponse<String> pending = confirm(fixture.sign(merchant, ticket));

        assertThat(pending.statusCode()).isEqualTo(202);
        assertThat(pending.headers().firstValue("Refresh")).hasValue(
                PaymentController.PENDING_REFRESH_SECONDS + "; url=/pay/status/" + ticket.ticketId() + "?checks=1");
        assertThat(http.get("/pay/status/" + ticket.ticketId()).headers().firstValue("Refresh")).isPresent();
        assertThat(pending.body()).contains("checks again by itself", "<progress");
        HttpResponse<String> aMinuteLater = http.get("/pay/status/" + ticket.ticketId() + "?checks=25");
        assertThat(aMinuteLater.headers().firstValue("Refresh")).get().asString().endsWith("?checks=26");
        assertThat(aMinuteLater.body()).contains("checked 25 times over about 75 seconds", "taking longer than usual");
    }

    private void pastTheWait() {
        fixture.clock().advance(Duration.ofMillis(handoverProperties.replyTimeoutMs() + 1));
    }

    private UsedTickets.Outcome outcome(Ticket ticket) {
        return usedTickets.find(ticket.ticketId()).orElseThrow().outcome();
    }

    private List<String> eventTypes() {
        return webhooks.page(merchant.merchantId(), 0, 50).events().stream().map(EventView::type).toList();
    }

    private HttpResponse<String> confirm(String compactTicket) {
        return http.submit("/pay/confirm", Map.of("ticket", compactTicket, "password", FrontFixture.PASSWORD));
    }
}
