package dev.paygate.ledger.register;

import dev.paygate.ledger.Account;
import dev.paygate.ledger.Journal;
import dev.paygate.ledger.LedgerException;
import dev.paygate.ledger.RefusalReason;
import dev.paygate.ledger.SystemAccount;
import dev.paygate.ledger.Transactions;
import dev.paygate.ledger.TransferKind;
import dev.paygate.ledger.TransferRequest;
import dev.paygate.ledger.TransferResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The back unit's decisions (docs/architecture.md step 6). Each call is one database transaction and is
 * idempotent on the ticket id: the register entry, its items and its transfer commit together or
 * not at all, and a ticket delivered twice gets its first outcome back without moving money again.
 */
public final class PaymentRegister {

    /** Most entries a history page may ask for at once. */
    public static final int HISTORY_ENTRIES_MAX = 500;

    private final Transactions transactions;

    public PaymentRegister(DataSource dataSource) {
        this.transactions = new Transactions(dataSource);
    }

    /**
     * Debits the customer's wallet and credits the merchant's till, or records why not
     * ({@code insufficient_funds}, {@code unknown_customer}, {@code unknown_merchant},
     * {@code currency_mismatch}, {@code customer_blocked}) and moves nothing.
     */
    public WalletSettlement settleWalletPayment(RegisterOrder order) {
        requirePositiveAmount(order, SettlementPath.WALLET);
        return transactions.inTransaction(connection -> {
            OrderParties parties = OrderParties.resolve(connection, order.customerId(), order.merchantId());
            Optional<RefusalReason> refusal = parties.refusalFor(order.currency(), SettlementPath.WALLET);
            if (refusal.isPresent()) {
                return settlement(connection, order, RegisterStore.insert(connection, order, SettlementPath.WALLET,
                        RegisterStatus.REFUSED, refusal.get().code(), null));
            }
            Optional<RegisterEntry> registered = RegisterStore.insert(connection, order, SettlementPath.WALLET,
                    RegisterStatus.APPROVED, null, null);
            if (registered.isEmpty()) {
                return settlement(connection, order, registered);
            }
            RegisterEntry entry = registered.get();
            TransferResult moved = Journal.post(connection, new TransferRequest(
                    "wallet-payment:" + order.ticketId(), TransferKind.WALLET_PAYMENT, parties.walletAccountId(),
                    parties.tillAccountId(), order.amountMinor(), order.currency(), entry.serial()));
            if (moved instanceof TransferResult.Refused refused) {
                entry = RegisterStore.refuse(connection, entry.serial(), refused.reason().code());
            }
            return new WalletSettlement(entry, false);
        });
    }

    /**
     * Registers a card payment as PENDING before its authorization is sent. A ticket seen before
     * comes back as it stands with {@code seenBefore}, so a second delivery never sends a second
     * authorization. A ticket the ledger refuses outright is registered REFUSED.
     */
    public CardPaymentOpening openCardPayment(RegisterOrder order, String network) {
        requirePositiveAmount(order, SettlementPath.CARD);
        Objects.requireNonNull(network, "network");
        return transactions.inTransaction(connection -> {
            Optional<RegisterEntry> registered = insertUnlessPartiesRefuse(connection, order, SettlementPath.CARD,
                    RegisterStatus.PENDING, network);
            return registered.isPresent()
                    ? new CardPaymentOpening(registered.get(), false)
                    : new CardPaymentOpening(existing(connection, order.ticketId()), true);
        });
    }

    /**
     * Records the card network's answer to a PENDING entry. An approval debits card clearing and
     * credits the merchant's till; a refusal moves nothing. Completing twice changes nothing, and
     * neither does an answer reaching a REVERSED entry: that is a late answer, see {@link #recordLateAnswer}.
     */
    public RegisterEntry completeCardPayment(String ticketId, CardOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return transactions.inTransaction(connection -> {
            RegisterEntry entry = lockedCardEntry(connection, ticketId);
            return switch (entry.status()) {
                case PENDING -> outcome.approved()
                        ? approveCardPayment(connection, entry, outcome)
                        : RegisterStore.complete(connection, entry.serial(), RegisterStatus.REFUSED,
                                outcome.reason(), outcome);
                case REVERSED, APPROVED, REFUSED -> entry;
            };
        });
    }

    /**
     * Notes the network's answer to a card request that had already timed out: on an entry that is REVERSED (or
     * still PENDING in the moment before its timeout reverses it) it is kept in {@link RegisterEntry#lateOutcome()}
     * and nothing else changes: a late approval is never paid, its reversal stands. The first late answer is
     * kept; an entry that was answered in time (APPROVED, REFUSED) is left as it is.
     */
    public RegisterEntry recordLateAnswer(String ticketId, LateOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return transactions.inTransaction(connection -> {
            RegisterEntry entry = lockedCardEntry(connection, ticketId);
            boolean unanswered = entry.status() == RegisterStatus.PENDING || entry.status() == RegisterStatus.REVERSED;
            return unanswered && entry.lateOutcome() == null
                    ? RegisterStore.recordLateOutcome(connection, entry.serial(), outcome)
                    : entry;
        });
    }


    /**
     * Records that the card authorization was reversed at the network. A PENDING entry becomes
     * REVERSED with no money moved; an APPROVED one gives its amount back from the till to card
     * clearing. Reversing twice changes nothing; a refunded payment cannot be reversed.
     */
    public RegisterEntry markReversed(String ticketId) {
        return transactions.inTransaction(connection -> {
            RegisterEntry entry = lockedCardEntry(connection, ticketId);
            return switch (entry.status()) {
                case PENDING -> RegisterStore.markReversed(connection, entry.serial());
                case APPROVED -> reverseApprovedCardPayment(connection, entry);
                case REFUSED, REVERSED -> entry;
            };
        });
    }

    /**
     * Records the STAN of a card request about to be sent; call it after the request's reversal is held and send
     * only when it answers true. False when the entry is no longer PENDING without a STAN (closed by
     * {@link #refuseUnsentCardPayments} or sent by another delivery), and then nothing may be sent.
     */
    public boolean claimStan(String ticketId, String stan) {
        return transactions.inTransaction(connection -> RegisterStore.claimStan(connection, ticketId, stan)).isPresent();
    }

    /**
     * Closes card entries left PENDING without a STAN by a back unit that died between registering and sending:
     * their request never left (the STAN is claimed before it does), so they are refused with {@code reason} and
     * nothing moves. Only entries registered before {@code registeredBefore}, at most {@code limit}.
     */
    public List<RegisterEntry> refuseUnsentCardPayments(Instant registeredBefore, String reason, int limit) {
        Objects.requireNonNull(registeredBefore, "registeredBefore");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refusal carries a reason");
        }
        return transactions.inTransaction(connection ->
                RegisterStore.refuseUnsentCardEntries(connection, registeredBefore, reason, requireHistoryLimit(limit)));
    }

    /** Registers a zero-amount ticket: the customer was authenticated, no money moves. */
    public RegisterEntry authOnly(RegisterOrder order) {
        if (order.amountMinor() != 0) {
            throw new IllegalArgumentException("auth-only tickets carry no amount: " + order.amountMinor());
        }
        return transactions.inTransaction(connection -> {
            Optional<RegisterEntry> registered = insertUnlessPartiesRefuse(connection, order, SettlementPath.AUTH_ONLY,
                    RegisterStatus.APPROVED, null);
            return registered.isPresent() ? registered.get() : existing(connection, order.ticketId());
        });
    }

    /**
     * Registers a refusal decided outside the ledger (no card on file, network unavailable, ...),
     * so that every refused ticket is traceable. A ticket seen before keeps its first entry.
     */
    public RegisterEntry refuse(RegisterOrder order, SettlementPath path, String reason) {
        Objects.requireNonNull(path, "path");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a refusal carries a reason");
        }
        return transactions.inTransaction(connection -> {
            Optional<RegisterEntry> registered = RegisterStore.insert(connection, order, path,
                    RegisterStatus.REFUSED, reason, null);
            return registered.isPresent() ? registered.get() : existing(connection, order.ticketId());
        });
    }

    public Optional<RegisterEntry> findByTicket(String ticketId) {
        return transactions.inTransaction(connection -> RegisterStore.findByTicket(connection, ticketId, false));
    }

    public Optional<RegisterEntry> findBySerial(long serial) {
        return transactions.inTransaction(connection -> RegisterStore.findBySerial(connection, serial));
    }

    /** The basket lines registered with the entry, in ticket order. */
    public List<OrderItem> items(long serial) {
        return transactions.inTransaction(connection -> RegisterStore.items(connection, serial));
    }

    /** The customer's latest entries, newest first, at most {@code limit} (1..{@value #HISTORY_ENTRIES_MAX}). */
    public List<RegisterEntry> recentForCustomer(String customerId, int limit) {
        return transactions.inTransaction(connection ->
                RegisterStore.recent(connection, "customer_id", customerId, requireHistoryLimit(limit)));
    }

    /** The merchant's latest entries, newest first, at most {@code limit} (1..{@value #HISTORY_ENTRIES_MAX}). */
    public List<RegisterEntry> recentForMerchant(String merchantId, int limit) {
        return transactions.inTransaction(connection ->
                RegisterStore.recent(connection, "merchant_id", merchantId, requireHistoryLimit(limit)));
    }

    /** The latest card entries that got a late answer, newest answer first, for operators. */
    public List<RegisterEntry> recentLateAnswers(int limit) {
        return transactions.inTransaction(connection ->
                RegisterStore.recentLateAnswers(connection, requireHistoryLimit(limit)));
    }

    /**
     * Entries an operator looks for, newest first, at most {@code limit}: those whose ticket id, order id, customer
     * id, STAN, RRN or approval code is {@code term} exactly (a STAN also without its leading zeros, an approval
     * code in any case). A blank term finds the latest entries.
     */
    public List<RegisterEntry> search(String term, int limit) {
        int checkedLimit = requireHistoryLimit(limit);
        String stripped = term == null ? "" : term.strip();
        return transactions.inTransaction(connection -> stripped.isEmpty()
                ? RegisterStore.latest(connection, checkedLimit)
                : RegisterStore.search(connection, stripped, checkedLimit));
    }

    /** Every transfer the entry caused, oldest first: its payment, refunds, a card reversal. */
    public List<Posting> postings(long serial) {
        return transactions.inTransaction(connection -> RegisterStore.postings(connection, serial));
    }

    /** The latest entries in {@code status} across all merchants, newest first (e.g. refusals for operators). */
    public List<RegisterEntry> recentWithStatus(RegisterStatus status, int limit) {
        return transactions.inTransaction(connection ->
                RegisterStore.recentWithStatus(connection, status, requireHistoryLimit(limit)));
    }

    private RegisterEntry approveCardPayment(Connection connection, RegisterEntry entry, CardOutcome outcome)
            throws SQLException {
        Account clearing = Journal.systemAccount(connection, SystemAccount.CARD_CLEARING, entry.currency());
        long till = tillOf(connection, entry);
        requirePosted(Journal.post(connection, new TransferRequest("card-payment:" + entry.ticketId(),
                TransferKind.CARD_PAYMENT, clearing.accountId(), till, entry.amountMinor(), entry.currency(),
                entry.serial())), entry);
        return RegisterStore.complete(connection, entry.serial(), RegisterStatus.APPROVED, null, outcome);
    }

    private RegisterEntry reverseApprovedCardPayment(Connection connection, RegisterEntry entry)
            throws SQLException {
        if (entry.refundedMinor() > 0) {
            throw new LedgerException("ticket " + entry.ticketId() + " has refunds of " + entry.refundedMinor()
                    + " " + entry.currency() + " and cannot be reversed as well");
        }
        Account clearing = Journal.systemAccount(connection, SystemAccount.CARD_CLEARING, entry.currency());
        long till = tillOf(connection, entry);
        requirePosted(Journal.post(connection, new TransferRequest("card-reversal:" + entry.ticketId(),
                TransferKind.CARD_REVERSAL, till, clearing.accountId(), entry.amountMinor(), entry.currency(),
                entry.serial())), entry);
        return RegisterStore.markReversed(connection, entry.serial());
    }

    /** Card clearing and tills have no bounds and the currencies were checked at opening: a refusal is a fault. */
    private static void requirePosted(TransferResult moved, RegisterEntry entry) {
        if (moved instanceof TransferResult.Refused refused) {
            throw new LedgerException("card transfer for ticket " + entry.ticketId() + " refused: "
                    + refused.reason().code());
        }
    }

    private static long tillOf(Connection connection, RegisterEntry entry) throws SQLException {
        return Journal.accountByCode(connection, Account.tillCode(entry.merchantId()))
                .orElseThrow(() -> new LedgerException("merchant " + entry.merchantId() + " has no till"))
                .accountId();
    }

    private static RegisterEntry lockedCardEntry(Connection connection, String ticketId) throws SQLException {
        RegisterEntry entry = RegisterStore.findByTicket(connection, ticketId, true)
                .orElseThrow(() -> new UnknownTicketException(ticketId));
        if (entry.path() != SettlementPath.CARD) {
            throw new LedgerException("ticket " + ticketId + " was settled on the " + entry.path().code()
                    + " path, not by card");
        }
        return entry;
    }

    private static WalletSettlement settlement(Connection connection, RegisterOrder order,
            Optional<RegisterEntry> registered) throws SQLException {
        return registered.isPresent()
                ? new WalletSettlement(registered.get(), false)
                : new WalletSettlement(existing(connection, order.ticketId()), true);
    }

    /**
     * Inserts the order's entry as {@code accepted}, or REFUSED with the reason when its customer or merchant
     * cannot take this path; empty when the ticket was registered before.
     */
    private static Optional<RegisterEntry> insertUnlessPartiesRefuse(Connection connection, RegisterOrder order,
            SettlementPath path, RegisterStatus accepted, String network) throws SQLException {
        OrderParties parties = OrderParties.resolve(connection, order.customerId(), order.merchantId());
        Optional<RefusalReason> refusal = parties.refusalFor(order.currency(), path);
        return RegisterStore.insert(connection, order, path, refusal.isPresent() ? RegisterStatus.REFUSED : accepted,
                refusal.map(RefusalReason::code).orElse(null), network);
    }

    private static RegisterEntry existing(Connection connection, String ticketId) throws SQLException {
        return RegisterStore.findByTicket(connection, ticketId, false)
                .orElseThrow(() -> new LedgerException("ticket " + ticketId + " conflicted but cannot be read"));
    }

    private static void requirePositiveAmount(RegisterOrder order, SettlementPath path) {
        if (order.amountMinor() <= 0) {
            throw new IllegalArgumentException("a " + path.code() + " payment needs a positive amount; "
                    + "zero-amount tickets go through authOnly: " + order.ticketId());
        }
    }

    private static int requireHistoryLimit(int limit) {
        if (limit < 1 || limit > HISTORY_ENTRIES_MAX) {
            throw new IllegalArgumentException("limit must be within 1.." + HISTORY_ENTRIES_MAX + ": " + limit);
        }
        return limit;
    }
}
