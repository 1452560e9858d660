package dev.paygate.routes.journal;

import dev.paygate.iso8583.message.MaskedMessage;
import dev.paygate.ledger.messages.JournalMessage;
import dev.paygate.ledger.messages.JournalMessage.Direction;
import dev.paygate.ledger.messages.MessageJournal;
import dev.paygate.routes.BackUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jpos.iso.ISOMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Writes the ISO 8583 messages of card requests to the ledger's message journal without holding up the card
 * path: the caller masks the message and queues it (no database round trip), one writer thread stores the queue
 * in batches, one transaction per batch. Every queued message already carries its {@link JournalLink}, so the
 * link to its entry is never lost on the way. A full queue makes the caller write its message itself; a batch
 * the database keeps refusing is logged message by message (ticket, MTI, STAN) after
 * {@value #WRITE_ATTEMPTS_MAX} attempts. What is still queued at shutdown is written before the pool closes.
 */
@Component
@BackUnit
public class MessageJournalWriter implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MessageJournalWriter.class);
    /** Far more than the messages of the card requests in flight at any time; a full queue writes inline. */
    static final int QUEUED_MESSAGES_MAX = 10_000;
    static final int BATCH_MESSAGES_MAX = 200;
    static final int WRITE_ATTEMPTS_MAX = 5;
    private static final long RETRY_PAUSE_MS = 1_000;
    private static final long POLL_MS = 200;
    private static final int DE_STAN = 11;
    private static final int DE_RESPONSE_CODE = 39;
    private static final int DE_TERMINAL_ID = 41;

    private final MessageJournal journal;
    private final BlockingQueue<JournalMessage> queue = new ArrayBlockingQueue<>(QUEUED_MESSAGES_MAX);
    private final Thread writer;
    private volatile boolean running = true;

    public MessageJournalWriter(MessageJournal journal) {
        this.journal = journal;
        this.writer = Thread.ofPlatform().name("message-journal-writer").daemon().start(this::writeUntilStopped);
    }

    /** A message this back unit sent on {@code network}, e.g. a 0100 or a 0421 repeat. */
    public void sent(JournalLink link, String network, ISOMsg message, Instant at) {
        add(link, network, Direction.SENT, false, message, at);
    }

    /** An answer received in time. */
    public void received(JournalLink link, String network, ISOMsg message, Instant at) {
        add(link, network, Direction.RECEIVED, false, message, at);
    }

    /** An answer received after its request had timed out: kept, never acted upon. */
    public void receivedLate(JournalLink link, String network, ISOMsg message, Instant at) {
        add(link, network, Direction.RECEIVED, true, message, at);
    }

    private void add(JournalLink link, String network, Direction direction, boolean late, ISOMsg message, Instant at) {
        JournalMessage masked;
        try {
            // Masked here, at once: no card number waits in memory for the writer.
            masked = new JournalMessage(link.ticketId(), link.exchangeId(), network, direction, late,
                    message.getString(0), message.getString(DE_STAN), message.getString(DE_TERMINAL_ID),
                    message.getString(DE_RESPONSE_CODE), MaskedMessage.elements(message), at);
        } catch (RuntimeException e) {
            log.error("Message journal: cannot record a {} message of {} on {}: {}", direction, link.exchangeId(),
                    network, e.getMessage());
            return;
        }
        if (!queue.offer(masked)) {
            write(List.of(masked));
        }
    }

    private void writeUntilStopped() {
        List<JournalMessage> batch = new ArrayList<>(BATCH_MESSAGES_MAX);
        while (running) {
            try {
                JournalMessage first = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH_MESSAGES_MAX - 1);
                writeWithRetries(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeWithRetries(List<JournalMessage> batch) throws InterruptedException {
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS_MAX; attempt++) {
            try {
                journal.record(batch);
                return;
            } catch (RuntimeException e) {
                log.warn("Message journal: writing {} messages failed (attempt {} of {}): {}", batch.size(), attempt,
                        WRITE_ATTEMPTS_MAX, e.getMessage());
                Thread.sleep(RETRY_PAUSE_MS);
            }
        }
        batch.forEach(MessageJournalWriter::logLost);
    }

    private void write(List<JournalMessage> messages) {
        try {
            journal.record(messages);
        } catch (RuntimeException e) {
            log.error("Message journal: writing {} messages failed: {}", messages.size(), e.getMessage());
            messages.forEach(MessageJournalWriter::logLost);
        }
    }

    private static void logLost(JournalMessage message) {
        log.error("Message journal: lost {} {} STAN {} of {} (ticket {}) on {} at {}", message.direction(),
                message.mti(), message.stan(), message.exchangeId(), message.ticketId(), message.network(),
                message.exchangedAt());
    }

    /** Stops the writer and stores what is still queued; the card path has stopped by now. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(RETRY_PAUSE_MS * WRITE_ATTEMPTS_MAX + POLL_MS);
        List<JournalMessage> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int from = 0; from < rest.size(); from += BATCH_MESSAGES_MAX) {
            write(rest.subList(from, Math.min(rest.size(), from + BATCH_MESSAGES_MAX)));
        }
    }
}
