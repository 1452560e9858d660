package dev.paygate.routes.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import dev.paygate.iso8583.field.Money;
import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.field.Rrn;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.CardAcceptor;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.KeyFields;
import dev.paygate.iso8583.message.PointOfService;
import dev.paygate.iso8583.message.TransactionType;
import dev.paygate.ledger.messages.JournalMessage;
import dev.paygate.ledger.messages.JournalMessage.Direction;
import dev.paygate.ledger.messages.MessageJournal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jpos.iso.ISOMsg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The journal writer alone, in front of a mocked journal that keeps what it is given in memory. */
class MessageJournalWriterTest {

    private static final Instant SENT_AT = Instant.parse("2026-12-07T10:00:00Z");
    private static final String PAN = "4000000000000002";

    private final Recording journal = new Recording();
    private final MessageJournalWriter writer = new MessageJournalWriter(journal.journal);

    @AfterEach
    void stopWriter() throws InterruptedException {
        journal.open.countDown();
        writer.destroy();
    }

    @Test
    void storesEachMessageMaskedWithTheLinkItWasGiven() {
        journal.open.countDown();
        ISOMsg request = authorization(1);

        writer.sent(new JournalLink("ticket-1", "ticket-1"), "cardnet-a", request, SENT_AT);
        writer.receivedLate(new JournalLink(null, "top-up:key:000002"), "cardnet-b", authorization(2), SENT_AT);

        await().atMost(Duration.ofSeconds(10)).until(() -> journal.written.size() == 2);
        JournalMessage sent = journal.written.getFirst();
        assertThat(sent.ticketId()).isEqualTo("ticket-1");
        assertThat(sent.direction()).isEqualTo(Direction.SENT);
        assertThat(sent.late()).isFalse();
        assertThat(sent.mti()).isEqualTo("0100");
        assertThat(sent.stan()).isEqualTo("000001");
        assertThat(sent.terminalId()).isEqualTo("TERM0001");
        assertThat(sent.elements()).containsEntry(2, "400000******0002").containsEntry(14, "<expiry, 4 chars>");
        assertThat(sent.elements().values()).noneMatch(value -> value.contains(PAN));
        JournalMessage late = journal.written.get(1);
        assertThat(late.ticketId()).isNull();
        assertThat(late.exchangeId()).isEqualTo("top-up:key:000002");
        assertThat(late.late()).isTrue();
        assertThat(late.direction()).isEqualTo(Direction.RECEIVED);
    }

    @Test
    void writesWhatIsQueuedInBatchesOfBoundedSize() throws InterruptedException {
        for (int stan = 1; stan <= MessageJournalWriter.BATCH_MESSAGES_MAX + 50; stan++) {
            writer.sent(new JournalLink("ticket-" + stan, "ticket-" + stan), "cardnet-a", authorization(stan), SENT_AT);
        }
        journal.open.countDown();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> journal.written.size() == MessageJournalWriter.BATCH_MESSAGES_MAX + 50);
        assertThat(journal.batchSizes).allSatisfy(size -> assertThat(size)
                .isBetween(1, MessageJournalWriter.BATCH_MESSAGES_MAX));
        assertThat(journal.written).extracting(JournalMessage::ticketId).startsWith("ticket-1", "ticket-2");
    }

    @Test
    void storesWhatIsStillQueuedWhenItStops() throws InterruptedException {
        writer.sent(new JournalLink("ticket-1", "ticket-1"), "cardnet-a", authorization(1), SENT_AT);
        journal.open.countDown();

        writer.destroy();

        assertThat(journal.written).extracting(JournalMessage::ticketId).containsExactly("ticket-1");
    }

    private static ISOMsg authorization(int stan) {
        KeyFields keys = new KeyFields(Pan.of(PAN), TransactionType.PURCHASE, Money.of(9_500, "EUR"), Stan.of(stan),
                SENT_AT, "12345678901", Rrn.of(SENT_AT, Stan.of(stan)), "TERM0001", "SHOP00000000001");
        return new CardRequest(Mti.AUTHORIZATION_REQUEST, keys, YearMonth.of(2049, 12),
                new CardAcceptor("SHOP                     BERLIN       DE", "5999"), PointOfService.ECOMMERCE).toIsoMsg();
    }

    /** Keeps what the writer gives the journal; holds every write until {@code open} is counted down. */
    private static final class Recording {

        final CountDownLatch open = new CountDownLatch(1);
        final List<JournalMessage> written = new CopyOnWriteArrayList<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final MessageJournal journal = mock(MessageJournal.class);

        Recording() {
            doAnswer(call -> {
                open.await(10, TimeUnit.SECONDS);
                List<JournalMessage> messages = call.getArgument(0);
                batchSizes.add(messages.size());
                written.addAll(messages);
                return null;
            }).when(journal).record(anyList());
        }
    }
}
