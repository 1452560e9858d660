package dev.paygate.routes.card;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.CardRequest;
import dev.paygate.iso8583.message.CardResponse;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.sequence.DatabaseStanSequence;
import dev.paygate.ledger.vault.CardVault;
import dev.paygate.ledger.vault.VaultedCard;
import dev.paygate.routes.BackUnit;
import dev.paygate.routes.card.CardConversation.Answer;
import dev.paygate.routes.card.CardConversation.Send;
import dev.paygate.routes.card.CardConversation.Settlement;
import dev.paygate.routes.journal.JournalLink;
import dev.paygate.routes.journal.MessageJournalWriter;
import dev.paygate.routes.network.CardNetworkMetrics;
import dev.paygate.routes.network.CardNetworkProperties;
import dev.paygate.routes.network.CardNetworks;
import dev.paygate.routes.network.LinkAnswer;
import dev.paygate.routes.reversal.ReversalQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one sequence every card request follows (payment, top-up, refund): the card from the vault, the network
 * by BIN (or the one given), the operation registered, a STAN, the reversal held, the STAN claimed, the request
 * on the network's MUX, the answer read. The reversal is written before the request leaves, so a back unit
 * that dies waiting leaves a reversal, never an unreversed charge; it is released only when the answer was
 * recorded. The request and its answer go to the message journal, filed under the operation's register entry.
 */
@Component
@BackUnit
public record CardExchange(CardVault vault, CardNetworks networks, DatabaseStanSequence stans, ReversalQueue reversals,
                           CardNetworkMetrics metrics, Clock clock, MessageJournalWriter journal) {

    private static final Logger log = LoggerFactory.getLogger(CardExchange.class);
    private static final int DE_RESPONSE_CODE = 39;

    public <T> T exchange(CardOperation operation, CardConversation<T> conversation) throws ISOException {
        Optional<VaultedCard> found = vault.cardOf(operation.customerId());
        if (found.isEmpty()) {
            return conversation.notSent(RefusalReason.NO_CARD_ON_FILE);
        }
        VaultedCard card = found.get();
        try {
            Optional<String> network = operation.network().or(() -> routed(card.clearPan()));
            if (network.isEmpty()) {
                return conversation.notSent(RefusalReason.CARD_NOT_SUPPORTED);
            }
            return switch (conversation.open(network.get())) {
                case Answer<T> answer -> answer.value();
                case Send<T> send -> send(operation, conversation, card, network.get(), send.acceptor());
            };
        } finally {
            card.wipe();
        }
    }

    /** The network the card's BIN routes to, or its fallback while that one is down. */
    private Optional<String> routed(String pan) {
        return networks.routeFor(pan).map(routing -> {
            if (routing.fellBack()) {
                log.info("Card network {} is not signed on; BIN route falls back to {}", routing.routedNetwork(),
                        routing.network());
                metrics.fellBack(routing.routedNetwork(), routing.network());
            }
            return routing.network();
        });
    }

    private <T> T send(CardOperation operation, CardConversation<T> conversation, VaultedCard card, String network,
                       Acceptor acceptor) throws ISOException {
        if (!networks.isConnected(network)) {
            log.warn("Card network {} is not signed on; nothing sent for customer {}", network, operation.customerId());
            metrics.requestNotSent(network);
            return conversation.notSent(RefusalReason.ISSUER_UNAVAILABLE);
        }
        CardNetworkProperties.Network settings = networks.settings(network);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Stan stan = Stan.of(stans.next(network, today));
        CardRequest request = operation.toRequest(settings.singleMessage(), card.clearPan(), card.expiry(), stan, now,
                settings.acquirerId(), acceptor);
        String reversalTicketId = conversation.reversalTicketId(stan);
        String registerTicketId = conversation.registerTicketId().orElse(null);
        if (!reversals.hold(reversalTicketId, registerTicketId, network, operation.customerId(), card.token(), request,
                Stan.of(stans.next(network, today)), now, settings.timeoutMs())) {
            throw new IllegalStateException("a reversal is already kept under " + reversalTicketId + "; nothing sent");
        }
        Optional<T> closed = conversation.claim(stan);
        if (closed.isPresent()) {
            // Closed by somebody else (the closer of unsent entries) between registration and now: nothing leaves.
            reversals.release(reversalTicketId);
            log.warn("{} was closed before its request left; nothing sent to {}", reversalTicketId, network);
            return closed.get();
        }
        long sentAtNanos = System.nanoTime();
        Instant sentAt = clock.instant();
        ISOMsg message = request.toIsoMsg();
        LinkAnswer linkAnswer = networks.link(network).exchange(message, settings.timeoutMs());
        Duration took = Duration.ofNanos(System.nanoTime() - sentAtNanos);
        JournalLink link = new JournalLink(registerTicketId, reversalTicketId);
        // Journaled once the exchange is over: the channel has added the MAC to the message by then.
        journal.sent(link, network, message, sentAt);
        if (!(linkAnswer instanceof LinkAnswer.Answered(ISOMsg answer))) {
            // Lost with its link, or the link dropped between the check above and the send: the request may have
            // reached the network, so it is reversed like one that timed out (a reversal of something never
            // received is acknowledged all the same).
            boolean timedOut = linkAnswer instanceof LinkAnswer.Unanswered;
            metrics.requestAnswered(network, request.mti().value(),
                    timedOut ? CardNetworkMetrics.NO_ANSWER : CardNetworkMetrics.LINK_LOST, took);
            log.warn("{} from {} after {} ms to {} (STAN {}); reversing it",
                    timedOut ? "No answer" : "Link lost, no answer", network, took.toMillis(), reversalTicketId,
                    stan.digits());
            reversals.activate(reversalTicketId, clock.instant());
            return conversation.unanswered(stan);
        }
        metrics.requestAnswered(network, request.mti().value(), answer.getString(DE_RESPONSE_CODE), took);
        journal.received(link, network, answer, clock.instant());
        Settlement<T> settlement;
        try {
            settlement = conversation.answered(CardAnswer.of(CardResponse.fromIsoMsg(answer, clock), stan));
        } catch (RuntimeException fault) {
            // The answer may have charged the card while the ledger recorded nothing: undo it.
            reversals.activate(reversalTicketId, clock.instant());
            throw fault;
        }
        if (settlement.reverse()) {
            reversals.activate(reversalTicketId, clock.instant());
        } else {
            reversals.release(reversalTicketId);
        }
        return settlement.value();
    }
}
