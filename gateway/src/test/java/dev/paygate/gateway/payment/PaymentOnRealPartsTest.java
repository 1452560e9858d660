package dev.paygate.gateway.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paygate.gateway.customer.RunningGateway;
import dev.paygate.merchant.ticket.Ticket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every payment ends final, on the embedded default's real parts (PostgreSQL, Artemis, the simulator over TCP):
 * a ticket confirmed ten times at once settles once and every confirm ends on its voucher; a ticket confirmed
 * while the back unit is away ends on its voucher within the bound once the back unit reads the queue again.
 */
class PaymentOnRealPartsTest {

    private static final long REPLY_TIMEOUT_MS = 3_000;
    private static final long RECOVERY_INTERVAL_MS = 1_000;
    private static final int CONCURRENT_CONFIRMS = 10;
    private static final String PASSWORD = "alice-demo-pass";

    private static RunningGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = RunningGateway.start("--paygate.handover.reply-timeout-ms=" + REPLY_TIMEOUT_MS,
                "--paygate.handover.recovery-interval-ms=" + RECOVERY_INTERVAL_MS);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void tenConcurrentConfirmsOfOneTicketSettleOnceAndEndOnTheSameVoucher() throws Exception {
        String ticket = RunningGateway.signedByDemoShop(RunningGateway.demoTicket(4_200).build());
        ExecutorService browsers = Executors.newFixedThreadPool(CONCURRENT_CONFIRMS);
        try {
            List<CompletableFuture<HttpResponse<String>>> confirms = IntStream.range(0, CONCURRENT_CONFIRMS)
                    .mapToObj(browser -> CompletableFuture.supplyAsync(() -> gateway.http().submit("/pay/confirm",
                            Map.of("ticket", ticket, "password", PASSWORD)), browsers))
                    .toList();
            List<HttpResponse<String>> answers = confirms.stream()
                    .map(confirm -> confirm.orTimeout(60, TimeUnit.SECONDS).join()).toList();

            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(303));
            assertThat(answers.stream().map(answer -> answer.headers().firstValue("Location").orElseThrow()).distinct())
                    .singleElement().satisfies(location -> assertThat(location).contains("voucher="));
        } finally {
            browsers.shutdownNow();
        }
    }

    @Test
    void ticketConfirmedWhileTheBackUnitIsAwayEndsOnItsVoucherWithinTheBound() throws Exception {
        Ticket ticket = RunningGateway.demoTicket(900).build();
        CamelContext camel = gateway.bean(CamelContext.class);
        camel.getRouteController().stopRoute("back.payment.receive");
        FrontHttp browser = gateway.http();
        HttpResponse<String> pending;
        try {
            pending = browser.submit("/pay/confirm",
                    Map.of("ticket", RunningGateway.signedByDemoShop(ticket), "password", PASSWORD));
            // The order stays queued past the front's wait (no time-to-live), as behind a restarting back unit.
            Thread.sleep(REPLY_TIMEOUT_MS);
        } finally {
            camel.getRouteController().startRoute("back.payment.receive");
        }

        assertThat(pending.statusCode()).isEqualTo(202);
        UsedTickets usedTickets = gateway.bean(UsedTickets.class);
        await().atMost(Duration.ofMillis(REPLY_TIMEOUT_MS + 2 * RECOVERY_INTERVAL_MS + 5_000)).untilAsserted(() ->
                assertThat(usedTickets.find(ticket.ticketId()).orElseThrow().outcome())
                        .isEqualTo(UsedTickets.Outcome.APPROVED));
        HttpResponse<String> status = browser.get("/pay/status/" + ticket.ticketId());
        assertThat(status.statusCode()).isEqualTo(303);
        assertThat(status.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("https://shop.example/return?voucher="));
    }
}
