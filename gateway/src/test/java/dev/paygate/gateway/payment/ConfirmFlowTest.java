package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.merchant.voucher.SettlementPath;
import dev.paygate.merchant.voucher.Voucher;
import dev.paygate.ledger.register.OrderItem;
import dev.paygate.routes.order.PaymentOrder;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Confirm through HTTP, the way the customer's browser does it; the merchant's checks on what comes back. */
@FrontUnitTest
class ConfirmFlowTest extends FrontFlowTestBase {

    private static final int CONCURRENT_CONFIRMS = 10;

    @Test
    void anApprovedWalletPaymentRedirectsToTheReturnUrlWithASignedVoucher() {
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();

        HttpResponse<String> answer = confirm(fixture.sign(merchant, ticket), null, FrontFixture.PASSWORD);

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("https://shop.example/return?order=1&voucher="));
        Voucher voucher = fixture.verifiedVoucher(FrontFixture.redirectParameter(answer, "voucher").orElseThrow(), ticket);
        assertThat(voucher.ticketId()).isEqualTo(ticket.ticketId());
        assertThat(voucher.merchantId()).isEqualTo(merchant.merchantId());
        assertThat(voucher.customerId()).isEqualTo(customerId);
        assertThat(voucher.orderId()).isEqualTo(ticket.orderId());
        assertThat(voucher.serial()).isEqualTo(ticket.serial());
        assertThat(voucher.amountMinor()).isEqualTo(1250);
        assertThat(voucher.vatMinor()).isEqualTo(ticket.vatMinor());
        assertThat(voucher.currency()).isEqualTo("EUR");
        assertThat(voucher.path()).isEqualTo(SettlementPath.WALLET);
        assertThat(voucher.registerSerial()).isPositive();
        assertThat(Duration.between(voucher.issuedAt(), voucher.expiresAt())).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void handsOverTheAuthenticatedOrderWithItsLines() {
        Ticket ticket = Ticket.basket(merchant.merchantId(), "A-1001")
                .item("beans", "Coffee beans", 2, 650)
                .item("mug", "Mug", 1, 1200)
                .vatMinor(400).currency("EUR").serial("till-3")
                .returnUrl(URI.create("https://shop.example/return")).cancelUrl(URI.create("https://shop.example/cancel"))
                .clock(fixture.clock())
                .build();

        confirm(fixture.sign(merchant, ticket), customerId, FrontFixture.PASSWORD);

        PaymentOrder order = backUnit.order(ticket.ticketId()).orElseThrow();
        assertThat(order.customerId()).isEqualTo(customerId);
        assertThat(order.merchantId()).isEqualTo(merchant.merchantId());
        assertThat(order.registerOrder().orderId()).isEqualTo("A-1001");
        assertThat(order.registerOrder().merchantSerial()).isEqualTo("till-3");
        assertThat(List.of(order.amountMinor(), order.registerOrder().vatMinor())).containsExactly(2500L, 400L);
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.registerOrder().items()).containsExactly(
                new OrderItem("beans", "Coffee beans", 2, 1300),
                new OrderItem("mug", "Mug", 1, 1200));
    }

    @Test
    void aCardPaymentVoucherCarriesTheApprovalCodeAndRrn() {
        Ticket ticket = fixture.ticket(merchant, customerId, 12_500).build();

        HttpResponse<String> answer = confirm(fixture.sign(merchant, ticket), null, FrontFixture.PASSWORD);

        Voucher voucher = fixture.verifiedVoucher(FrontFixture.redirectParameter(answer, "voucher").orElseThrow(), ticket);
        assertThat(voucher.path()).isEqualTo(SettlementPath.CARD);
        assertThat(voucher.authorizationCode()).isEqualTo("A1B2C3");
        assertThat(voucher.rrn()).hasSize(12);
    }

    @Test
    void aZeroAmountAuthenticatesOnlyAndYieldsAnAuthOnlyVoucher() {
        Ticket ticket = fixture.ticket(merchant, customerId, 0).build();

        HttpResponse<String> answer = confirm(fixture.sign(merchant, ticket), null, FrontFixture.PASSWORD);

        Voucher voucher = fixture.verifiedVoucher(FrontFixture.redirectParameter(answer, "voucher").orElseThrow(), ticket);
        assertThat(voucher.path()).isEqualTo(SettlementPath.AUTH_ONLY);
        assertThat(voucher.amountMinor()).isZero();
    }

    @Test
    void theCustomerIdComesFromTheFormWhenTheTicketHasNone() {
        Ticket ticket = fixture.ticket(merchant, null, 990).build();

        HttpResponse<String> answer = confirm(fixture.sign(merchant, ticket), customerId, FrontFixture.PASSWORD);

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(fixture.verifiedVoucher(FrontFixture.redirectParameter(answer, "voucher").orElseThrow(), ticket).customerId())
                .isEqualTo(customerId);
    }

    @Test
    void theTicketsCustomerIdOutranksTheForm() {
        String someoneElse = fixture.newCustomer();
        Ticket ticket = fixture.ticket(merchant, customerId, 990).build();

        HttpResponse<String> answer = confirm(fixture.sign(merchant, ticket), someoneElse, FrontFixture.PASSWORD);

        assertThat(fixture.verifiedVoucher(FrontFixture.redirectParameter(answer, "voucher").orElseThrow(), ticket).customerId())
                .isEqualTo(customerId);
    }

    @Test
    void aReplayedTicketGetsTheFirstVoucherAndIsNeverHandedOverTwice() {
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();
        String compact = fixture.sign(merchant, ticket);

        HttpResponse<String> first = confirm(compact, null, FrontFixture.PASSWORD);
        HttpResponse<String> replay = confirm(compact, null, FrontFixture.PASSWORD);
        HttpResponse<String> replayWithAWrongPassword = confirm(compact, null, "not the password");

        assertThat(replay.statusCode()).isEqualTo(303);
        assertThat(replay.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(replayWithAWrongPassword.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(backUnit.handOvers(ticket.ticketId())).isEqualTo(1);
    }

    @Test
    void aReplayedRefusedTicketGetsTheFirstRefusal() {
        Ticket ticket = fixture.ticket(merchant, customerId, StubPaymentHandover.INSUFFICIENT_FUNDS_MINOR).build();
        String compact = fixture.sign(merchant, ticket);

        HttpResponse<String> first = confirm(compact, null, FrontFixture.PASSWORD);
        HttpResponse<String> replay = confirm(compact, null, FrontFixture.PASSWORD);

        assertThat(replay.statusCode()).isEqualTo(402);
        assertThat(FrontFixture.continueLink(first)).isPresent();
        assertThat(FrontFixture.continueLink(replay)).isEqualTo(FrontFixture.continueLink(first));
        assertThat(backUnit.handOvers(ticket.ticketId())).isEqualTo(1);
    }

    @Test
    void tenConcurrentConfirmsAreHandedOverOnceAndAllEndOnTheSameVoucher() throws Exception {
        backUnit.resetSlowHandovers();
        Ticket ticket = fixture.ticket(merchant, customerId, StubPaymentHandover.SLOW_APPROVAL_MINOR).build();
        String compact = fixture.sign(merchant, ticket);
        ExecutorService browsers = Executors.newFixedThreadPool(CONCURRENT_CONFIRMS);
        try {
            List<CompletableFuture<HttpResponse<String>>> confirms = new ArrayList<>();
            for (int browser = 0; browser < CONCURRENT_CONFIRMS; browser++) {
                confirms.add(CompletableFuture.supplyAsync(() -> confirm(compact, null, FrontFixture.PASSWORD), browsers));
            }
            waitUntilHandedOver(ticket.ticketId());
            // The others are still waiting for the first outcome when it comes.
            Thread.sleep(300);
            backUnit.releaseSlowHandovers();

            List<HttpResponse<String>> answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> confirm : confirms) {
                answers.add(confirm.get(30, TimeUnit.SECONDS));
            }
            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(303));
            assertThat(answers.stream().map(answer -> answer.headers().firstValue("Location").orElseThrow()).distinct())
                    .singleElement().satisfies(location -> assertThat(location).contains("voucher="));
            assertThat(backUnit.handOvers(ticket.ticketId())).isEqualTo(1);
        } finally {
            backUnit.releaseSlowHandovers();
            browsers.shutdownNow();
        }
    }

    @Test
    void cancelSendsTheCustomerBackWithASignedCancelledRefusal() {
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();

        HttpResponse<String> answer = http.submit("/pay/cancel", Map.of("ticket", fixture.sign(merchant, ticket)));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("https://shop.example/cancel?refusal="));
        Refusal refusal = fixture.verifiedRefusal(FrontFixture.redirectParameter(answer, "refusal").orElseThrow(), ticket);
        assertThat(refusal.reason().code()).isEqualTo("cancelled");
        assertThat(List.of(refusal.ticketId(), refusal.merchantId(), refusal.orderId()))
                .containsExactly(ticket.ticketId(), merchant.merchantId(), ticket.orderId());
        assertThat(backUnit.handOvers(ticket.ticketId())).isZero();
    }

    @Test
    void aCancelledTicketCannotBePaidAfterwards() {
        Ticket ticket = fixture.ticket(merchant, customerId, 1250).build();
        String compact = fixture.sign(merchant, ticket);
        HttpResponse<String> cancelled = http.submit("/pay/cancel", Map.of("ticket", compact));

        HttpResponse<String> confirmed = confirm(compact, null, FrontFixture.PASSWORD);

        assertThat(confirmed.headers().firstValue("Location")).isEqualTo(cancelled.headers().firstValue("Location"));
        assertThat(backUnit.handOvers(ticket.ticketId())).isZero();
    }

    @Test
    void cancellingAPaidTicketReturnsTheVoucherNotACancellation() {
        String compact = fixture.signedTicket(merchant, customerId, 1250);
        HttpResponse<String> paid = confirm(compact, null, FrontFixture.PASSWORD);

        HttpResponse<String> cancelled = http.submit("/pay/cancel", Map.of("ticket", compact));

        assertThat(cancelled.headers().firstValue("Location")).isEqualTo(paid.headers().firstValue("Location"));
    }

    private HttpResponse<String> confirm(String compactTicket, String formCustomerId, String password) {
        Map<String, String> form = formCustomerId == null
                ? Map.of("ticket", compactTicket, "password", password)
                : Map.of("ticket", compactTicket, "customerId", formCustomerId, "password", password);
        return http.submit("/pay/confirm", form);
    }

    private void waitUntilHandedOver(String ticketId) throws InterruptedException {
        for (int poll = 0; poll < 200 && backUnit.handOvers(ticketId) == 0; poll++) {
            Thread.sleep(25);
        }
        assertThat(backUnit.handOvers(ticketId)).isEqualTo(1);
    }

}
