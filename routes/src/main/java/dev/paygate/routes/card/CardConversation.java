package dev.paygate.routes.card;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.ledger.RefusalReason;
import java.util.Optional;

/**
 * What one card operation does around {@link CardExchange}'s fixed sequence: how it registers itself, how
 * its reversal is named, and what each way the exchange can end means to it.
 *
 * @param <T> the operation's answer
 */
public interface CardConversation<T> {

    /** The card's network is known: register the operation and say who accepts the card, or answer now. */
    Opening<T> open(String network);

    /** The id the held reversal is kept under; unique per request, since each is reversed at most once. */
    String reversalTicketId(Stan stan);

    /**
     * The ticket of the register entry this request belongs to (a payment's own, also for its refunds), under
     * which the message journal files its messages and their reversal's; empty when there is none (a top-up).
     */
    default Optional<String> registerTicketId() {
        return Optional.empty();
    }

    /**
     * Takes the request's STAN on the registered operation, only if it is still open; an answer here means
     * somebody closed it meanwhile and nothing must be sent.
     */
    default Optional<T> claim(Stan stan) {
        return Optional.empty();
    }

    /** Nothing was sent: no card, no network for it, or the network is down. */
    T notSent(RefusalReason reason);

    /**
     * No answer in time; the held reversal is already due. Unless the operation has an entry to close, this
     * reads as an issuer that could not be reached: nothing stays charged.
     */
    default T unanswered(Stan stan) {
        return notSent(RefusalReason.ISSUER_UNAVAILABLE);
    }

    /** The network answered; the settlement says whether the held reversal must now be sent. */
    Settlement<T> answered(CardAnswer answer);

    sealed interface Opening<T> {
    }

    record Send<T>(Acceptor acceptor) implements Opening<T> {
    }

    record Answer<T>(T value) implements Opening<T> {
    }

    /** @param reverse true when the card was (or may have been) charged and the ledger did not take it */
    record Settlement<T>(T value, boolean reverse) {

        public static <T> Settlement<T> kept(T value) {
            return new Settlement<>(value, false);
        }

        public static <T> Settlement<T> reversed(T value) {
            return new Settlement<>(value, true);
        }
    }
}
