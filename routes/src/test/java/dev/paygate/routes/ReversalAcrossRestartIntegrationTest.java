package dev.paygate.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.reversal.ReversalQueue;
import dev.paygate.routes.support.BackUnitTestRuntime;
import dev.paygate.routes.support.RoutesTestApplication;
import dev.paygate.simulator.issuer.AccountSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A card request that times out is reversed exactly once, and the reversal reaches the network even when the
 * back unit that queued it stops before sending it: the next back unit finds it in the database and sends it.
 */
class ReversalAcrossRestartIntegrationTest {

    private static final String NEVER_ANSWERS = "4000000000000085";

    @Test
    void reversalQueuedBeforeARestartIsAcknowledgedAfterIt() {
        Map<String, Object> parts = BackUnitTestRuntime.properties("reversal_restart_it");
        long heldBeforeMinor = available();
        String ticketId;

        try (ConfigurableApplicationContext first = start(parts, "3600000")) {
            awaitNetworks(first);
            String customer = customerWithCard(first);
            Decision decision = first.getBean(PaymentHandover.class).handOver(order(customer));

            assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
            assertThat(decision.reason()).isEqualTo("issuer_unavailable");
            ticketId = decision.ticketId();
            assertThat(first.getBean(ReversalQueue.class).statusOf(ticketId)).containsExactly("PENDING");
            assertThat(available()).as("the issuer holds the unanswered authorization").isLessThan(heldBeforeMinor);
        }

        try (ConfigurableApplicationContext second = start(parts, "200")) {
            ReversalQueue queue = second.getBean(ReversalQueue.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> queue.statusOf(ticketId), List.of("ACKNOWLEDGED")::equals);

            assertThat(second.getBean(PaymentRegister.class).findByTicket(ticketId).orElseThrow().status())
                    .isEqualTo(RegisterStatus.REVERSED);
            assertThat(available()).as("the reversal released the hold").isEqualTo(heldBeforeMinor);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> parts, String pollIntervalMs) {
        // As arguments: they must win over config/application.yml, as a real deployment's settings would.
        Stream<String> arguments = Stream.concat(
                parts.entrySet().stream().map(part -> "--" + part.getKey() + "=" + part.getValue()),
                Stream.of("--paygate.reversal.poll-interval-ms=" + pollIntervalMs));
        return new SpringApplicationBuilder(RoutesTestApplication.class)
                .profiles("it")
                .run(arguments.toArray(String[]::new));
    }

    private static void awaitNetworks(ConfigurableApplicationContext context) {
        CardNetworks networks = context.getBean(CardNetworks.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> networks.isConnected("cardnet-a"));
    }

    private static String customerWithCard(ConfigurableApplicationContext context) {
        MerchantRecords merchants = context.getBean(MerchantRecords.class);
        if (merchants.find("restart-shop").isEmpty()) {
            merchants.create(new NewMerchant("restart-shop", "Restart Shop", "5814",
                    new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "RESTART1", "RESTARTSHOP0001",
                    "Restart Shop             Berlin       DE", "EUR"));
        }
        String customer = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        context.getBean(CustomerRecords.class).create(new NewCustomer(customer, "Restart Customer", "EUR", 100_000));
        context.getBean(CardVault.class).enroll(customer, NEVER_ANSWERS.toCharArray(), YearMonth.of(2049, 12));
        return customer;
    }

    private static long available() {
        AccountSnapshot account = BackUnitTestRuntime.simulator().account(NEVER_ANSWERS).orElseThrow();
        return account.availableMinor();
    }

    private static PaymentOrder order(String customer) {
        return new PaymentOrder("tkt-" + UUID.randomUUID(), "restart-shop", customer, "order-1", 9_000, 1_500,
                "EUR", "R-9", List.of(), Instant.now(), Instant.now().plusSeconds(600));
    }
}
