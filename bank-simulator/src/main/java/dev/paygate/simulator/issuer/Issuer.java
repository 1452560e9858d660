package dev.paygate.simulator.issuer;

import dev.paygate.iso8583.field.Mti;
import dev.paygate.iso8583.field.Pan;
import dev.paygate.iso8583.field.ResponseCode;
import dev.paygate.iso8583.field.Stan;
import dev.paygate.iso8583.message.KeyFields;
import dev.paygate.iso8583.message.OriginalData;
import dev.paygate.iso8583.message.TransactionType;
import dev.paygate.simulator.scenario.Behaviour;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.jpos.iso.ISOMsg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated issuer: decides card requests against the seeded accounts, books them (an
 * authorization holds funds, a purchase debits, a refund credits), undoes them on reversal, and
 * answers a duplicate request with its first answer. All state changes happen under one lock, so
 * a request and its duplicate cannot both be booked.
 */
public final class Issuer {

    private static final Logger log = LoggerFactory.getLogger(Issuer.class);
    /** Bounded memories: the oldest entries go first. A simulator run is far shorter than this. */
    private static final int ANSWERS_REMEMBERED_MAX = 100_000;
    private static final int TRANSACTIONS_REMEMBERED_MAX = 100_000;
    private static final String APPROVAL_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    /**
     * A request is a duplicate when its MTI, STAN, DE 7 and terminal (DE 41) repeat on the same
     * network: STANs are unique per network only. A repeat MTI (0421, 0401) counts as the MTI it
     * repeats, so the repeat of a reversal gets the answer of the first one.
     */
    public record DuplicateKey(String network, String mti, String stan, String transmissionDateTime, String terminalId) {
        public static DuplicateKey of(String network, ISOMsg request) {
            return new DuplicateKey(network, withoutRepeat(request.getString(0)), request.getString(11),
                    request.getString(7), request.getString(41));
        }

        private static String withoutRepeat(String mti) {
            try {
                return Mti.parse(mti).withoutRepeat().value();
            } catch (IllegalArgumentException notAnMti) {
                return mti;
            }
        }
    }

    /** What DE 90 of a reversal names, on the network the reversal came from: MTI, STAN, DE 7 and acquirer. */
    private record TransactionKey(String network, Mti mti, Stan stan, Instant transmittedAt, String acquirerId) {
        TransactionKey {
            acquirerId = acquirerId.replaceFirst("^0+(?=.)", "");
        }
    }

    private record Booking(CardAccount account, TransactionType type, long amountMinor, LocalDate bookedOn, boolean reversed) {
        Booking asReversed() {
            return new Booking(account, type, amountMinor, bookedOn, true);
        }
    }

    /** The outcome of a card request: DE 39 and, on approval, DE 38. */
    public record Decision(ResponseCode responseCode, Optional<String> approvalCode) {
    }

    private final CardAccounts accounts;
    private final Clock clock;
    private final Random approvalCodes = new SecureRandom();
    private final Map<DuplicateKey, ISOMsg> answers = boundedMap(ANSWERS_REMEMBERED_MAX);
    private final Map<TransactionKey, Booking> bookings = boundedMap(TRANSACTIONS_REMEMBERED_MAX);

    public Issuer(CardAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Answers a request once: a duplicate gets a copy of the first answer and books nothing.
     *
     * @param answer decides and books the request; runs under the issuer's lock
     */
    public synchronized ISOMsg answerOnce(DuplicateKey key, Supplier<ISOMsg> answer) {
        ISOMsg first = answers.get(key);
        if (first != null) {
            log.info("duplicate {} STAN {} terminal {}: first answer repeated", key.mti(), key.stan(), key.terminalId());
            return (ISOMsg) first.clone();
        }
        ISOMsg decided = answer.get();
        answers.put(key, (ISOMsg) decided.clone());
        return decided;
    }

    /**
     * Decides a 0100 or 0200 and books it when approved.
     *
     * @param network the endpoint the request came from
     * @param mti the request's MTI, remembered so a reversal's DE 90 can find the booking
     */
    public synchronized Decision decide(String network, Mti mti, KeyFields request, YearMonth expiry) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Optional<CardAccount> found = accounts.find(request.pan());
        if (found.isEmpty() || !request.pan().isLuhnValid()) {
            return refuse(request, ResponseCode.INVALID_CARD_NUMBER, "unknown card");
        }
        CardAccount account = found.get();
        Card card = account.card();
        Optional<ResponseCode> forced = card.behaviour().forcedResponse();
        if (forced.isPresent()) {
            return refuse(request, forced.get(), "test card behaviour " + card.behaviour().configName());
        }
        if (card.behaviour() != Behaviour.ALWAYS_APPROVE) {
            Optional<ResponseCode> refusal = checkAccount(account, request, expiry, today);
            if (refusal.isPresent()) {
                return refuse(request, refusal.get(), "account rules");
            }
        }
        book(network, mti, request, account, today);
        return new Decision(ResponseCode.APPROVED, Optional.of(approvalCode()));
    }

    private Optional<ResponseCode> checkAccount(CardAccount account, KeyFields request, YearMonth expiry, LocalDate today) {
        Card card = account.card();
        if (card.status().refusal().isPresent()) {
            return card.status().refusal();
        }
        if (card.expiry().isBefore(YearMonth.from(today))) {
            return Optional.of(ResponseCode.EXPIRED_CARD);
        }
        if (!card.expiry().equals(expiry)) {
            return Optional.of(ResponseCode.INVALID_CARD_NUMBER);
        }
        if (!card.currency().equals(request.amount().currency())) {
            return Optional.of(ResponseCode.NOT_PERMITTED_TO_CARDHOLDER);
        }
        if (request.type() == TransactionType.REFUND) {
            return Optional.empty();
        }
        long amountMinor = request.amount().amountMinor();
        if (amountMinor > account.availableMinor()) {
            return Optional.of(ResponseCode.INSUFFICIENT_FUNDS);
        }
        if (account.spentMinor(today) + amountMinor > card.dailyLimitMinor()) {
            return Optional.of(ResponseCode.EXCEEDS_AMOUNT_LIMIT);
        }
        return Optional.empty();
    }

    private void book(String network, Mti mti, KeyFields request, CardAccount account, LocalDate today) {
        long amountMinor = request.amount().amountMinor();
        if (request.type() == TransactionType.REFUND) {
            account.credit(amountMinor);
        } else {
            account.debit(amountMinor, today);
        }
        bookings.put(new TransactionKey(network, mti, request.stan(), request.transmittedAt(), request.acquirerId()),
                new Booking(account, request.type(), amountMinor, today, false));
        log.info("approved {} {} of {} on card {}: available now {}", mti, request.type(), request.amount(),
                request.pan(), account.availableMinor());
        IssuerJournal.booked(network, mti, request);
    }

    private Decision refuse(KeyFields request, ResponseCode responseCode, String why) {
        log.info("refused {} on card {} with {} ({})", request.amount(), request.pan(), responseCode.code(), why);
        return new Decision(responseCode, Optional.empty());
    }

    /**
     * Undoes the transaction DE 90 names. Idempotent: a repeated reversal, or one whose original
     * never arrived, changes nothing and is still acknowledged with 00, so the acquirer stops
     * resending it.
     */
    public synchronized ResponseCode reverse(String network, KeyFields reversal, OriginalData original) {
        TransactionKey key = new TransactionKey(network, original.mti(), original.stan(), original.transmittedAt(), original.acquirerId());
        Booking booking = bookings.get(key);
        if (booking == null) {
            log.info("reversal of {} STAN {}: no such transaction, nothing to undo", original.mti(), original.stan());
            return ResponseCode.APPROVED;
        }
        if (!booking.account().card().pan().equals(reversal.pan())) {
            log.warn("reversal of {} STAN {} names another card; nothing undone", original.mti(), original.stan());
            return ResponseCode.APPROVED;
        }
        if (booking.reversed()) {
            log.info("reversal of {} STAN {}: already reversed, nothing to undo", original.mti(), original.stan());
            return ResponseCode.APPROVED;
        }
        bookings.put(key, booking.asReversed());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        CardAccount account = booking.account();
        if (booking.type() == TransactionType.REFUND) {
            account.undoCredit(booking.amountMinor());
        } else {
            account.undoDebit(booking.amountMinor(), booking.bookedOn(), today);
        }
        log.info("reversed {} STAN {} on card {}: available now {}", original.mti(), original.stan(), account.card().pan(),
                account.availableMinor());
        IssuerJournal.reversed(network, original.mti(), original.stan(), booking.type(), booking.amountMinor(),
                account.card().currency());
        return ResponseCode.APPROVED;
    }

    /** The behaviour of the card, {@link Behaviour#NORMAL} for cards we do not know. */
    public synchronized Behaviour behaviourOf(Pan pan) {
        return accounts.find(pan).map(account -> account.card().behaviour()).orElse(Behaviour.NORMAL);
    }

    public synchronized Optional<AccountSnapshot> account(Pan pan) {
        return accounts.find(pan).map(account -> account.snapshot(LocalDate.now(clock.withZone(ZoneOffset.UTC))));
    }

    private String approvalCode() {
        StringBuilder code = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            code.append(APPROVAL_CODE_ALPHABET.charAt(approvalCodes.nextInt(APPROVAL_CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static <K, V> Map<K, V> boundedMap(int entriesMax) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > entriesMax;
            }
        };
    }
}
