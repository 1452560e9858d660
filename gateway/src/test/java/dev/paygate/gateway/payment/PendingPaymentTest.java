package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.routes.order.Decision;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The back unit's answer comes late (or the hand-over breaks): the customer is told so, and nothing is paid twice. */
@FrontUnitTest
class PendingPaymentTest extends FrontFlowTestBase {

    @Test
    void aLateDecisionShowsAnHonestPendingPageThenTheStatusLinkDeliversTheVoucher() {
        Ticket ticket = fixture.ticket(merchant, customerId, StubPaymentHandover.NO_TIMELY_ANSWER_MINOR).build();
        String compact = fixture.sign(merchant, ticket);

        HttpResponse<String> pending = confirm(compact);

        assertThat(pending.statusCode()).isEqualTo(202);
        assertThat(pending.body()).contains("Your payment is being processed", "do not pay again",
                "href=\"/pay/status/" + ticket.ticketId() + "?checks=1\"");
        assertThat(http.get("/pay/status/" + ticket.ticketId()).statusCode()).isEqualTo(202);

        backUnit.decideLater(ticket.ticketId(), backUnit.approvedWallet(ticket.ticketId()));
        HttpResponse<String> decided = http.get("/pay/status/" + ticket.ticketId());

        assertThat(decided.statusCode()).isEqualTo(303);
        fixture.verifiedVoucher(FrontFixture.redirectParameter(decided, "voucher").orElseThrow(), ticket);
        assertThat(confirm(compact).headers().firstValue("Location")).isEqualTo(decided.headers().firstValue("Location"));
        assertThat(backUnit.handOvers(ticket.ticketId())).isEqualTo(1);
    }

    @Test
    void aBrokenHandOverIsPendingNotAnErrorAndALaterRefusalIsShown() {
        Ticket ticket = fixture.ticket(merchant, customerId, StubPaymentHandover.HANDOVER_FAULT_MINOR).build();

        HttpResponse<String> pending = confirm(fixture.sign(merchant, ticket));

        assertThat(pending.statusCode()).isEqualTo(202);
        assertThat(pending.body()).doesNotContain("Exception", "broker unreachable");
        backUnit.decideLater(ticket.ticketId(), new Decision(ticket.ticketId(), Decision.Outcome.REFUSED, null, null, null,
                null, "insufficient_funds", fixture.clock().instant()));
        HttpResponse<String> refused = http.get("/pay/status/" + ticket.ticketId());
        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(refused.body()).contains("<code>insufficient_funds</code>");
        fixture.verifiedRefusal(FrontFixture.continueLink(refused).orElseThrow().replaceFirst(".*refusal=", ""), ticket);
    }

    @Test
    void theStatusOfAnUnknownTicketIsAPlainNotFoundPage() {
        HttpResponse<String> page = http.get("/pay/status/no-such-ticket");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("No payment is known for this ticket.").doesNotContain("Exception");
    }

    private HttpResponse<String> confirm(String compactTicket) {
        return http.submit("/pay/confirm", Map.of("ticket", compactTicket, "password", FrontFixture.PASSWORD));
    }
}
