package dev.paygate.ledger.messages;

import static dev.paygate.ledger.testsupport.Fixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paygate.ledger.messages.JournalMessage.Direction;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.register.RegisterEntry;
import dev.paygate.ledger.register.RegisterOrder;
import dev.paygate.ledger.testsupport.Fixtures;
import dev.paygate.ledger.testsupport.LedgerDatabase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessageJournalTest {

    private static final Instant SENT_AT = Instant.parse("2026-12-01T10:00:00Z");

    @RegisterExtension
    static final LedgerDatabase database = LedgerDatabase.perClass();

    private MessageJournal journal;
    private PaymentRegister register;
    private RegisterEntry entry;

    @BeforeEach
    void aCardPayment() {
        journal = new MessageJournal(database.dataSource());
        register = new PaymentRegister(database.dataSource());
        Fixtures fixtures = new Fixtures(database.dataSource());
        String customerId = "c-" + UUID.randomUUID().toString().substring(0, 8);
        String merchantId = "m-" + UUID.randomUUID().toString().substring(0, 8);
        fixtures.fundedCustomer(customerId, 0);
        fixtures.merchant(merchantId);
        RegisterOrder order = order(merchantId, customerId, 15_000);
        entry = register.openCardPayment(order, "cardnet-a").entry();
    }

    @Test
    void keepsEveryMessageOfAnEntryInOrderAndReadsItBackByTicketAndBySerial() {
        String ticket = entry.ticketId();
        JournalMessage request = message(ticket, ticket, Direction.SENT, "0100", null, SENT_AT);
        JournalMessage advice = message(ticket, ticket, Direction.SENT, "0420", null, SENT_AT.plusSeconds(10));
        JournalMessage repeat = message(ticket, ticket, Direction.SENT, "0421", null, SENT_AT.plusSeconds(12));
        JournalMessage acknowledged = message(ticket, ticket, Direction.RECEIVED, "0430", "00", SENT_AT.plusSeconds(13));
        JournalMessage refund = message(ticket, "card-refund:key-1:000200", Direction.SENT, "0200", null,
                SENT_AT.plusSeconds(60));
        JournalMessage topUp = message(null, "top-up:key-2:000300", Direction.SENT, "0200", null, SENT_AT);

        journal.record(List.of(advice, request, topUp));
        journal.record(List.of(repeat, acknowledged, refund));

        assertThat(journal.forTicket(ticket)).containsExactly(request, advice, repeat, acknowledged, refund);
        assertThat(journal.forSerial(entry.serial())).containsExactly(request, advice, repeat, acknowledged, refund);
        assertThat(journal.forTicket("no-such-ticket")).isEmpty();
    }

    @Test
    void refusesAValueThatLooksLikeACardNumberWithoutQuotingIt() {
        Map<Integer, String> unmasked = new TreeMap<>(Map.of(2, "4000000000000002", 11, "000123"));

        assertThatThrownBy(() -> new JournalMessage(entry.ticketId(), entry.ticketId(), "cardnet-a", Direction.SENT,
                false, "0100", "000123", "TERM0001", null, new TreeMap<>(unmasked), SENT_AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DE 2 is missing or not masked")
                .hasMessageNotContaining("4000000000000002");
    }

    @Test
    void theDatabaseRefusesAnUnmaskedPanAndAnyChangeToTheTrail() throws SQLException {
        journal.record(List.of(message(entry.ticketId(), entry.ticketId(), Direction.SENT, "0100", null, SENT_AT)));

        assertThatThrownBy(() -> database.execute("insert into ledger.message_journal (exchange_id, network,"
                + " direction, mti, elements, exchanged_at) values ('x', 'cardnet-a', 'SENT',"
                + " '0100', '{\"2\":\"4000000000000002\"}', now())"))
                .hasMessageContaining("elements_masked");
        assertThatThrownBy(() -> database.execute("update ledger.message_journal set late = true"))
                .hasMessageContaining("UPDATE on ledger.message_journal refused");
        assertThatThrownBy(() -> database.execute("delete from ledger.message_journal"))
                .hasMessageContaining("DELETE on ledger.message_journal refused");
    }

    private static JournalMessage message(String ticketId, String exchangeId, Direction direction, String mti,
                                          String responseCode, Instant at) {
        TreeMap<Integer, String> elements = new TreeMap<>();
        elements.put(2, "400000******0002");
        elements.put(4, "000000015000");
        elements.put(11, "000123");
        elements.put(14, "<expiry, 4 chars>");
        elements.put(41, "TERM0001");
        if (responseCode != null) {
            elements.put(39, responseCode);
        }
        return new JournalMessage(ticketId, exchangeId, "cardnet-a", direction, false, mti, "000123", "TERM0001",
                responseCode, elements, at);
    }
}
