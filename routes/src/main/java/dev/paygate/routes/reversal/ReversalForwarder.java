package dev.paygate.routes.reversal;

import dev.paygate.iso8583.field.Money;
import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.field.Rrn;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.KeyFields;
import dev.paygate.iso8583.message.ReversalKind;
import dev.paygate.iso8583.message.ReversalRequest;
import dev.paygate.iso8583.message.ReversalResponse;
import dev.paygate.iso8583.message.TransactionType;
import dev.paygate.ledger.register.PaymentRegister;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.ledger.vault.VaultedCard;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.journal.JournalLink;
import dev.paygate.routes.journal.MessageJournalWriter;
import dev.paygate.routes.lease.BackLeases;
import dev.paygate.routes.lease.Lease;
import dev.paygate.routes.network.CardNetworks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due reversals and records what the network said; any answer acknowledges the reversal. The first
 * transmission is a 0420 advice (or 0400); every one after it, until acknowledged, is its repeat 0421 (0401) with
 * the same STAN, DE 7 and data, as ISO 8583:1987 has it, so the issuer can match it to one it may have booked.
 * Every advice, repeat and answer goes to the message journal under the reversed request's entry.
 */
@Component
@BackUnit
public class ReversalForwarder {

    private static final Logger log = LoggerFactory.getLogger(ReversalForwarder.class);

    private final ReversalQueue queue;
    private final ReversalProperties properties;
    private final CardNetworks networks;
    private final CardVault vault;
    private final PaymentRegister register;
    private final Clock clock;
    private final BackLeases leases;
    private final MessageJournalWriter journal;
    private final ReversalMetrics metrics;
    /** Whether this back unit held the forwarding lease at its last pass; only the scheduler's thread reads it. */
    private boolean holdingLease;

    public ReversalForwarder(ReversalQueue queue, ReversalProperties properties, CardNetworks networks,
                             CardVault vault, PaymentRegister register, Clock clock, BackLeases leases,
                             MessageJournalWriter journal, ReversalMetrics metrics) {
        this.queue = queue;
        this.properties = properties;
        this.networks = networks;
        this.vault = vault;
        this.register = register;
        this.clock = clock;
        this.leases = leases;
        this.journal = journal;
        this.metrics = metrics;
    }

    /**
     * Only the back unit holding the forwarding lease sends; the others wait to take it over, with every reversal
     * a dead holder left held or pending.
     *
     * @return how many reversals the networks acknowledged in this pass
     */
    public int forwardDue() {
        if (!leases.holds(Lease.REVERSAL_FORWARDING)) {
            holdingLease = false;
            return 0;
        }
        if (!holdingLease) {
            // Taken over (or first taken): only the lease holder sends, so what a dead holder had claimed, and
            // would otherwise wait out its claim (up to retry-delay-max-ms), is due now.
            int released = queue.releaseClaims(clock.instant());
            if (released > 0) {
                log.info("Took over the forwarding of reversals: {} claimed by an earlier holder are due now", released);
            }
            holdingLease = true;
        }
        int acknowledged = 0;
        Duration lease = Duration.ofMillis(properties.retryDelayMaxMs());
        for (PendingReversal reversal : queue.claimDue(clock.instant(), properties.batchMax(), lease)) {
            if (forward(reversal)) {
                acknowledged++;
            }
        }
        return acknowledged;
    }

    private boolean forward(PendingReversal reversal) {
        if (reversal.attempts() > properties.attemptsMax()) {
            log.error("Reversal of ticket {} abandoned after {} attempts; an operator must settle it with {}",
                    reversal.ticketId(), reversal.attempts() - 1, reversal.network());
            queue.abandon(reversal.id(), "attempts exhausted");
            metrics.attempted(reversal.network(), ReversalMetrics.ABANDONED);
            return false;
        }
        if (!networks.isConnected(reversal.network())) {
            retryLater(reversal, "network not connected");
            return false;
        }
        Optional<VaultedCard> card = vault.cardOf(reversal.customerId())
                .filter(found -> found.token().equals(reversal.cardToken()));
        if (card.isEmpty()) {
            log.error("Reversal of ticket {}: the card it used is no longer on file; abandoned", reversal.ticketId());
            queue.abandon(reversal.id(), "card no longer on file");
            metrics.attempted(reversal.network(), ReversalMetrics.ABANDONED);
            return false;
        }
        try {
            ReversalRequest first = reversalOf(reversal, card.get());
            // Counted before it leaves: after a crash in flight, the next transmission is a repeat.
            boolean repeat = queue.recordTransmission(reversal.id()) > 0;
            ISOMsg request = (repeat ? first.asRepeat() : first).toIsoMsg();
            long timeoutMs = networks.settings(reversal.network()).timeoutMs();
            JournalLink link = new JournalLink(reversal.registerTicketId(), reversal.ticketId());
            Instant sentAt = clock.instant();
            ISOMsg answer = networks.mux(reversal.network()).request(request, timeoutMs);
            journal.sent(link, reversal.network(), request, sentAt);
            if (answer == null) {
                retryLater(reversal, "no answer within " + timeoutMs + " ms");
                return false;
            }
            journal.received(link, reversal.network(), answer, clock.instant());
            ReversalResponse response = ReversalResponse.fromIsoMsg(answer, clock);
            queue.acknowledge(reversal.id(), clock.instant());
            metrics.attempted(reversal.network(), ReversalMetrics.ACKNOWLEDGED);
            // Payments have a register entry to close; a wallet top-up's reversal has none.
            if (register.findByTicket(reversal.ticketId()).isPresent()) {
                register.markReversed(reversal.ticketId());
            }
            log.info("Reversal {} of ticket {} acknowledged by {} with {} DE 39 {}", request.getString(0),
                    reversal.ticketId(), reversal.network(), answer.getString(0), response.rawResponseCode());
            return true;
        } catch (ISOException | RuntimeException e) {
            retryLater(reversal, e.getClass().getSimpleName() + ": " + e.getMessage());
            return false;
        } finally {
            card.get().wipe();
        }
    }

    private ReversalRequest reversalOf(PendingReversal reversal, VaultedCard card) {
        KeyFields original = new KeyFields(Pan.of(card.clearPan()),
                TransactionType.fromProcessingCode(reversal.transactionType() + "0000"),
                Money.of(reversal.amountMinor(), reversal.currency()), Stan.of(reversal.originalStan()),
                reversal.originalTransmittedAt(), reversal.acquirerId(), new Rrn(reversal.rrn()),
                reversal.terminalId(), reversal.acceptorId());
        ReversalKind kind = properties.advice() ? ReversalKind.ADVICE : ReversalKind.REVERSAL;
        return ReversalRequest.reversing(new Mti(reversal.originalMti()), original, kind,
                Stan.of(reversal.reversalStan()), reversal.reversalTransmittedAt());
    }

    private void retryLater(PendingReversal reversal, String error) {
        Instant next = clock.instant().plus(properties.backOff().delayAfter(reversal.attempts()));
        queue.retryAt(reversal.id(), next, error);
        metrics.attempted(reversal.network(), ReversalMetrics.RETRY);
        log.warn("Reversal of ticket {} to {} not acknowledged ({}); next attempt at {}",
                reversal.ticketId(), reversal.network(), error, next);
    }
}
