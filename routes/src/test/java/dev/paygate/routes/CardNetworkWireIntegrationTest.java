package dev.paygate.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.paygate.iso8583.mac.MacFilter;
import dev.paygate.ledger.Accounts;
import dev.paygate.ledger.messages.JournalMessage;
import dev.paygate.ledger.messages.JournalMessage.Direction;
import dev.paygate.ledger.messages.MessageJournal;
import dev.paygate.ledger.party.BankAccount;
import dev.paygate.ledger.party.CustomerRecords;
import dev.paygate.ledger.party.MerchantRecords;
import dev.paygate.ledger.party.NewCustomer;
import dev.paygate.ledger.party.NewMerchant;
import dev.paygate.ledger.register.LateOutcome;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterStatus;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.order.Decision;
import dev.paygate.routes.order.PaymentHandover;
import dev.paygate.routes.order.PaymentOrder;
import dev.paygate.routes.reversal.ReversalQueue;
import dev.paygate.routes.support.BackUnitTestRuntime;
import dev.paygate.routes.support.RoutesTestApplication;
import dev.paygate.simulator.BankSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What crosses the wire to a card network and what is kept of it, over real TCP against the bank simulator:
 * 0421 repeats of an advice whose answer was lost, late answers recorded and never paid, MAC on cardnet-a both
 * ways, and the masked message journal of every card payment.
 */
@CamelSpringBootTest
@ActiveProfiles("it")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = RoutesTestApplication.class)
class CardNetworkWireIntegrationTest {

    private static final String MERCHANT = "wire-shop";
    private static final String DROPS_FIRST_REVERSAL_ANSWER = "4000000000000150";
    private static final String LATE = "4000000000000168";
    private static final String BAD_MAC = "4000000000000176";
    private static final String ALWAYS_APPROVE = "4000000000000002";
    private static final long CARD_BALANCE_MINOR = 100_000_000;
    private static final Duration SETTLED_WITHIN = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void realParts(DynamicPropertyRegistry registry) {
        BackUnitTestRuntime.register(registry, "wire_it");
    }

    @Autowired PaymentHandover handover;
    @Autowired PaymentRegister register;
    @Autowired CustomerRecords customers;
    @Autowired MerchantRecords merchants;
    @Autowired CardVault vault;
    @Autowired Accounts accounts;
    @Autowired ReversalQueue reversals;
    @Autowired CardNetworks networks;
    @Autowired MessageJournal journal;
    @Autowired JdbcTemplate jdbc;

    private final ListAppender<ILoggingEvent> macLog = new ListAppender<>();

    @BeforeEach
    void merchantAndNetworksReady() {
        if (merchants.find(MERCHANT).isEmpty()) {
            merchants.create(new NewMerchant(MERCHANT, "Wire Shop", "5814",
                    new BankAccount("DE89370400440532013000", "COBADEFFXXX"), "WIRESHOP", "WIRESHOP0000001",
                    "Wire Shop                Berlin       DE", "EUR"));
        }
        await().atMost(Duration.ofSeconds(20)).until(
                () -> networks.isConnected("cardnet-a") && networks.isConnected("cardnet-b"));
        macLog.start();
        ((Logger) LoggerFactory.getLogger(MacFilter.class)).addAppender(macLog);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(MacFilter.class)).detachAppender(macLog);
    }

    @Test
    void aLostAdviceAnswerIsRepeatedAs0421WhichTheIssuerMatchesAndAcknowledgesBookingItOnce() {
        Decision decision = handover.handOver(order(customerWithCard(DROPS_FIRST_REVERSAL_ANSWER), 8_000));

        assertThat(decision.reason()).isEqualTo("issuer_unavailable");
        await().atMost(SETTLED_WITHIN).until(() -> reversals.statusOf(decision.ticketId()),
                statuses -> statuses.equals(List.of("ACKNOWLEDGED")));
        assertThat(register.findByTicket(decision.ticketId()).orElseThrow().status()).isEqualTo(RegisterStatus.REVERSED);
        assertThat(simulator().account(DROPS_FIRST_REVERSAL_ANSWER).orElseThrow().availableMinor())
                .as("held once, released once").isEqualTo(CARD_BALANCE_MINOR);
        assertThat(jdbc.queryForObject("select transmissions from saf.reversal where ticket_id = ?", Integer.class,
                decision.ticketId())).isEqualTo(2);
        List<JournalMessage> trail = awaitTrail(decision.ticketId(), 4);
        assertThat(trail).extracting(JournalMessage::mti).containsExactly("0100", "0420", "0421", "0430");
        JournalMessage advice = trail.get(1);
        JournalMessage repeat = trail.get(2);
        assertThat(repeat.stan()).as("the repeat keeps the advice's STAN").isEqualTo(advice.stan());
        assertThat(repeat.elements()).as("and every data element but the MAC")
                .containsAllEntriesOf(withoutMac(advice));
        assertThat(trail.get(3).stan()).isEqualTo(advice.stan());
        assertThat(trail.get(3).responseCode()).isEqualTo("00");
    }

    @Test
    void aLateApprovalIsRecordedOnTheReversedEntryAndNeverPaid() {
        String customer = customerWithCard(LATE);
        long tillBeforeMinor = tillMinor();

        Decision decision = handover.handOver(order(customer, 9_000));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decision.reason()).isEqualTo("issuer_unavailable");
        RegisterEntry entry = await().atMost(SETTLED_WITHIN).until(
                () -> register.findByTicket(decision.ticketId()).orElseThrow(), found -> found.lateOutcome() != null);
        LateOutcome late = entry.lateOutcome();
        assertThat(late.mti()).isEqualTo("0110");
        assertThat(late.responseCode()).isEqualTo("00");
        assertThat(late.approvalCode()).matches("[A-Z0-9]{6}");
        assertThat(late.receivedAt()).isAfter(entry.registeredAt());
        assertThat(entry.status()).isEqualTo(RegisterStatus.REVERSED);
        assertThat(entry.authCode()).isNull();
        await().atMost(SETTLED_WITHIN).until(() -> reversals.statusOf(decision.ticketId()),
                statuses -> statuses.equals(List.of("ACKNOWLEDGED")));
        assertThat(register.findByTicket(decision.ticketId()).orElseThrow().status())
                .as("the reversal stands").isEqualTo(RegisterStatus.REVERSED);
        assertThat(tillMinor()).as("never paid").isEqualTo(tillBeforeMinor);
        assertThat(simulator().account(LATE).orElseThrow().availableMinor()).isEqualTo(CARD_BALANCE_MINOR);
        assertThat(awaitTrail(decision.ticketId(), 4)).filteredOn(JournalMessage::late).singleElement()
                .satisfies(message -> {
                    assertThat(message.mti()).isEqualTo("0110");
                    assertThat(message.direction()).isEqualTo(Direction.RECEIVED);
                    assertThat(message.elements()).containsEntry(38, late.approvalCode());
                });
    }

    @Test
    void aCardPaymentIsSignedAndVerifiedEndToEndAndJournaledMasked() {
        Decision decision = handover.handOver(order(customerWithCard(ALWAYS_APPROVE), 7_000));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.APPROVED);
        List<JournalMessage> trail = awaitTrail(decision.ticketId(), 2);
        assertThat(trail).extracting(JournalMessage::mti).containsExactly("0100", "0110");
        assertThat(trail).extracting(JournalMessage::direction).containsExactly(Direction.SENT, Direction.RECEIVED);
        assertThat(trail).allSatisfy(message -> {
            assertThat(message.ticketId()).isEqualTo(decision.ticketId());
            assertThat(message.network()).isEqualTo("cardnet-a");
            assertThat(message.elements()).as("MAC on cardnet-a").containsKey(64);
            assertThat(message.elements()).containsEntry(2, "400000******0002");
            assertThat(String.join(" ", message.elements().values())).doesNotContain(ALWAYS_APPROVE);
        });
        assertThat(trail.getFirst().elements()).containsEntry(14, "<expiry, 4 chars>");
        assertThat(trail.get(1).elements()).containsEntry(38, decision.authCode());
        assertThat(journal.forSerial(decision.registerSerial())).isEqualTo(trail);
        assertThat(macLog.list).isEmpty();
    }

    @Test
    void anAnswerWithABadMacIsDiscardedAsNoAnswerSoThePaymentIsReversed() {
        long tillBeforeMinor = tillMinor();

        Decision decision = handover.handOver(order(customerWithCard(BAD_MAC), 6_500));

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REFUSED);
        assertThat(decision.reason()).isEqualTo("issuer_unavailable");
        assertThat(register.findByTicket(decision.ticketId()).orElseThrow().status()).isEqualTo(RegisterStatus.REVERSED);
        assertThat(tillMinor()).isEqualTo(tillBeforeMinor);
        await().atMost(SETTLED_WITHIN).until(() -> reversals.statusOf(decision.ticketId()),
                statuses -> statuses.equals(List.of("ACKNOWLEDGED")));
        assertThat(simulator().account(BAD_MAC).orElseThrow().availableMinor()).isEqualTo(CARD_BALANCE_MINOR);
        assertThat(macLog.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .startsWith("MAC missing or invalid on 0110 STAN ").contains("from cardnet-a: message discarded")
                .doesNotContain("CEC5C2BA").doesNotContain(BAD_MAC));
        assertThat(awaitTrail(decision.ticketId(), 3)).extracting(JournalMessage::mti)
                .as("the discarded answer is no answer: it is not journaled").containsExactly("0100", "0420", "0430");
    }

    private List<JournalMessage> awaitTrail(String ticketId, int messages) {
        return await().atMost(SETTLED_WITHIN).until(() -> journal.forTicket(ticketId),
                trail -> trail.size() >= messages);
    }

    private static Map<Integer, String> withoutMac(JournalMessage message) {
        Map<Integer, String> elements = new TreeMap<>(message.elements());
        elements.remove(64);
        elements.remove(128);
        return elements;
    }

    private static BankSimulator simulator() {
        return BackUnitTestRuntime.simulator();
    }

    private String customerWithCard(String pan) {
        String customer = "wire-c-" + UUID.randomUUID().toString().substring(0, 8);
        customers.create(new NewCustomer(customer, "Wire Customer", "EUR", 100_000));
        vault.enroll(customer, pan.toCharArray(), YearMonth.of(2049, 12));
        return customer;
    }

    private long tillMinor() {
        return accounts.till(MERCHANT).orElseThrow().balanceMinor();
    }

    private static PaymentOrder order(String customer, long amountMinor) {
        return new PaymentOrder("tkt-" + UUID.randomUUID(), MERCHANT, customer, "order-" + UUID.randomUUID(),
                amountMinor, amountMinor / 6, "EUR", "R-1", List.of(), Instant.now(), Instant.now().plusSeconds(600));
    }
}
