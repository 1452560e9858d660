package dev.paygate.routes.reversal;

import dev.paygate.iso8583.field.Stan;
import dev.paygate.routes.BackUnit;
import dev.paygate.iso8583.message.CardRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The store-and-forward queue of reversals, in PostgreSQL so it survives restarts and is shared by every
 * back unit. Entries are leased, not locked, while a network round trip is under way.
 */
@Component
@BackUnit
public class ReversalQueue {

    /** A held reversal nobody released or activated falls due this many answer timeouts after its request. */
    static final long HELD_GRACE_TIMEOUTS = 3;

    private static final String RECORD_COLUMNS = "ticket_id, network, original_mti, transaction_type, amount_minor,"
            + " currency, original_stan, rrn, reversal_stan, status, attempts, next_attempt_at, last_error, created_at,"
            + " acknowledged_at";

    private final JdbcTemplate jdbc;

    public ReversalQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the reversal of {@code original} before the request is sent. It stays held while an answer may still
     * come; {@link #release} cancels it when one does, {@link #activate} sends it when none did, and if nobody
     * does either (the back unit died) it falls due by itself {@value #HELD_GRACE_TIMEOUTS} answer timeouts later.
     *
     * @param registerTicketId the register entry the request belongs to; null when it has none (a wallet top-up)
     * @return false when a reversal is already kept under {@code ticketId}: a ticket is reversed at most once
     */
    public boolean hold(String ticketId, String registerTicketId, String network, String customerId, String cardToken,
                        CardRequest original, Stan reversalStan, Instant now, long answerTimeoutMs) {
        return insert("HELD", ticketId, registerTicketId, network, customerId, cardToken, original, reversalStan, now,
                now.plusMillis(answerTimeoutMs * HELD_GRACE_TIMEOUTS));
    }

    /** The request was answered: its held reversal is not needed. */
    public boolean release(String ticketId) {
        return jdbc.update("update saf.reversal set status = 'CANCELLED' where ticket_id = ? and status = 'HELD'",
                ticketId) == 1;
    }

    /** The request got no answer in time: its held reversal is due now. */
    public boolean activate(String ticketId, Instant now) {
        return jdbc.update("update saf.reversal set status = 'PENDING', next_attempt_at = ? where ticket_id = ? and status = 'HELD'",
                Timestamp.from(now), ticketId) == 1;
    }

    private boolean insert(String status, String ticketId, String registerTicketId, String network, String customerId,
                           String cardToken, CardRequest original, Stan reversalStan, Instant now,
                           Instant nextAttemptAt) {
        var keys = original.keyFields();
        return jdbc.update("""
                insert into saf.reversal (status, ticket_id, register_ticket_id, network, customer_id, card_token,
                    original_mti, transaction_type, amount_minor, currency, original_stan, original_transmitted_at,
                    acquirer_id, rrn, terminal_id, acceptor_id, acceptor_name_location, mcc, reversal_stan,
                    reversal_transmitted_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (ticket_id) do nothing
                """,
                status, ticketId, registerTicketId, network, customerId, cardToken, original.mti().value(),
                keys.type().processingCode().substring(0, 2), keys.amount().amountMinor(),
                keys.amount().currency().getCurrencyCode(), keys.stan().value(), Timestamp.from(keys.transmittedAt()),
                keys.acquirerId(), keys.rrn().value(), keys.terminalId(), keys.merchantId(),
                original.acceptor().nameLocation(), original.acceptor().merchantCategoryCode(), reversalStan.value(),
                Timestamp.from(now), Timestamp.from(nextAttemptAt)) == 1;
    }

    /**
     * Claims up to {@code limit} due entries for {@code lease}; another back unit skips them meanwhile. A held
     * entry past its due time belongs to a request whose back unit never came back for it: it is sent too.
     */
    public List<PendingReversal> claimDue(Instant now, int limit, Duration lease) {
        return jdbc.query("""
                update saf.reversal set status = 'PENDING', next_attempt_at = ?, attempts = attempts + 1
                where id in (select id from saf.reversal
                             where status in ('HELD', 'PENDING') and next_attempt_at <= ?
                             order by next_attempt_at limit ? for update skip locked)
                returning *
                """, ReversalQueue::read, Timestamp.from(now.plus(lease)), Timestamp.from(now), limit);
    }

    /**
     * Makes every pending reversal due at {@code now}: for a back unit that has just taken the forwarding lease,
     * when the claims of the one before it (alive or not) no longer protect anything.
     *
     * @return how many were waiting for a later time
     */
    public int releaseClaims(Instant now) {
        return jdbc.update("update saf.reversal set next_attempt_at = ? where status = 'PENDING' and next_attempt_at > ?",
                Timestamp.from(now), Timestamp.from(now));
    }

    /**
     * Counts a transmission of the reversal just before it leaves.
     *
     * @return how many went out before this one: 0 for the first (0420), more for a repeat (0421)
     */
    public int recordTransmission(long id) {
        Integer before = jdbc.queryForObject(
                "update saf.reversal set transmissions = transmissions + 1 where id = ? returning transmissions - 1",
                Integer.class, id);
        if (before == null) {
            throw new IllegalStateException("no reversal " + id);
        }
        return before;
    }

    public void acknowledge(long id, Instant at) {
        jdbc.update("update saf.reversal set status = 'ACKNOWLEDGED', acknowledged_at = ?, last_error = null where id = ?",
                Timestamp.from(at), id);
    }

    public void retryAt(long id, Instant nextAttemptAt, String error) {
        jdbc.update("update saf.reversal set next_attempt_at = ?, last_error = ? where id = ? and status = 'PENDING'",
                Timestamp.from(nextAttemptAt), error, id);
    }

    public void abandon(long id, String error) {
        jdbc.update("update saf.reversal set status = 'ABANDONED', last_error = ? where id = ? and status = 'PENDING'",
                error, id);
    }

    public int pendingCount() {
        Integer count = jdbc.queryForObject("select count(*) from saf.reversal where status = 'PENDING'", Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * The card request a late answer answers, by what the answer echoes: network, terminal (DE 41) and STAN (DE 11)
     * of the request or of its reversal. The newest within {@code since}: STANs repeat a day later.
     */
    public Optional<LateAnswerMatch> matchAnswer(String network, String terminalId, int stan, Instant since) {
        return jdbc.query("""
                select ticket_id, register_ticket_id, original_stan = ? as answers_original from saf.reversal
                where network = ? and terminal_id = ? and (original_stan = ? or reversal_stan = ?)
                  and original_transmitted_at >= ?
                order by id desc limit 1
                """, (row, rowNumber) -> new LateAnswerMatch(row.getString("ticket_id"),
                        row.getString("register_ticket_id"), row.getBoolean("answers_original")),
                stan, network, terminalId, stan, stan, Timestamp.from(since)).stream().findFirst();
    }

    /**
     * @param exchangeId       the request's reversal ticket id
     * @param registerTicketId its register entry's ticket; null when it has none
     * @param answersOriginal  the answer's STAN is the request's, not its reversal's
     */
    public record LateAnswerMatch(String exchangeId, String registerTicketId, boolean answersOriginal) {
    }

    /** Reversals waiting to be sent, by network; a network with none is absent. */
    public Map<String, Integer> pendingCountByNetwork() {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.query("select network, count(*) from saf.reversal where status = 'PENDING' group by network",
                (ResultSet row) -> {
                    counts.put(row.getString(1), row.getInt(2));
                });
        return counts;
    }

    /** The reversal kept under a ticket id, for its payment's trail. */
    public List<ReversalRecord> forTicket(String ticketId) {
        return jdbc.query("select " + RECORD_COLUMNS + " from saf.reversal where ticket_id = ?", ReversalQueue::record,
                ticketId);
    }

    /**
     * Reversals the networks have not acknowledged, oldest first, at most {@code limit}: held ones whose request
     * is still in flight, pending ones being sent, and abandoned ones an operator must settle with the network.
     */
    public List<ReversalRecord> unsettled(int limit) {
        return jdbc.query("select " + RECORD_COLUMNS + " from saf.reversal"
                + " where status in ('HELD', 'PENDING', 'ABANDONED') order by id limit ?", ReversalQueue::record, limit);
    }

    /** Status by ticket, for operators and tests. */
    public List<String> statusOf(String ticketId) {
        return jdbc.queryForList("select status from saf.reversal where ticket_id = ?", String.class, ticketId);
    }

    private static ReversalRecord record(ResultSet row, int rowNumber) throws SQLException {
        Timestamp acknowledgedAt = row.getTimestamp("acknowledged_at");
        return new ReversalRecord(row.getString("ticket_id"), row.getString("network"), row.getString("original_mti"),
                row.getString("transaction_type"), row.getLong("amount_minor"), row.getString("currency"),
                row.getInt("original_stan"), row.getString("rrn"), row.getInt("reversal_stan"), row.getString("status"),
                row.getInt("attempts"), row.getTimestamp("next_attempt_at").toInstant(), row.getString("last_error"),
                row.getTimestamp("created_at").toInstant(), acknowledgedAt == null ? null : acknowledgedAt.toInstant());
    }

    private static PendingReversal read(ResultSet row, int rowNumber) throws SQLException {
        return new PendingReversal(
                row.getLong("id"), row.getString("ticket_id"), row.getString("network"), row.getString("customer_id"),
                row.getString("card_token"), row.getString("original_mti"), row.getString("transaction_type"),
                row.getLong("amount_minor"),
                row.getString("currency"), row.getInt("original_stan"),
                row.getTimestamp("original_transmitted_at").toInstant(), row.getString("acquirer_id"),
                row.getString("rrn"), row.getString("terminal_id"), row.getString("acceptor_id"),
                row.getInt("reversal_stan"),
                row.getTimestamp("reversal_transmitted_at").toInstant(), row.getInt("attempts"),
                row.getString("register_ticket_id"), row.getInt("transmissions"));
    }
}
