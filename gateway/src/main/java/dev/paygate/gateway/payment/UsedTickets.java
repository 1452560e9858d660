package dev.paygate.gateway.payment;

import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.merchant.jose.InvalidClaimsException;
import dev.paygate.merchant.jose.MalformedTokenException;
import dev.paygate.merchant.jose.SignedToken;
import dev.paygate.merchant.jose.TokenType;
import dev.paygate.merchant.refusal.Refusal;
import dev.paygate.merchant.ticket.Ticket;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The replay guard (docs/architecture.md step 3, "a ticket settles at most once"): a row per ticket id, inserted before
 * the order is handed over, so of two concurrent confirms only one can hand over. The row then records the
 * first outcome, which every later confirm of the same ticket gets again.
 */
@Component
public record UsedTickets(FrontSchema schema, Clock clock) {

    public enum Outcome {
        /** Claimed by a confirm that has not finished (or died before it recorded anything). */
        IN_PROGRESS,
        /** Handed over; the back unit's decision did not arrive in time. */
        PENDING,
        APPROVED,
        REFUSED,
        CANCELLED;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean isFinal() {
            return this == APPROVED || this == REFUSED || this == CANCELLED;
        }
    }

    /**
     * @param ticket     the compact ticket, kept so that a pending outcome can be finished later
     * @param voucherId  set when approved
     * @param refusal    the signed refusal, set when refused or cancelled
     * @param createdAt  when the ticket was claimed (for a payment: right after the customer authenticated)
     */
    public record UsedTicket(String ticketId, String merchantId, String customerId, String ticket, Outcome outcome,
                             String voucherId, String refusal, Instant createdAt) {

        public boolean undecided() {
            return outcome == Outcome.IN_PROGRESS || outcome == Outcome.PENDING;
        }

        /** The ticket as stored: verified when it was first used, so read back without a second signature check. */
        public Ticket storedTicket() {
            try {
                return Ticket.fromClaims(SignedToken.parse(ticket, TokenType.TICKET).claims());
            } catch (MalformedTokenException | InvalidClaimsException corrupt) {
                throw new IllegalStateException("front.used_ticket holds a ticket that no longer parses", corrupt);
            }
        }

        /** The signed refusal the ticket was answered with, when it was refused or cancelled. */
        public Optional<Refusal> storedRefusal() {
            if (refusal == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Refusal.fromClaims(SignedToken.parse(refusal, TokenType.REFUSAL).claims()));
            } catch (MalformedTokenException | InvalidClaimsException corrupt) {
                throw new IllegalStateException("front.used_ticket holds a refusal that no longer parses", corrupt);
            }
        }
    }

    public Optional<UsedTicket> find(String ticketId) {
        return schema.jdbc().sql("""
                        SELECT jti, merchant_id, customer_id, ticket, outcome, voucher_id, refusal, created_at
                        FROM front.used_ticket WHERE jti = :jti""")
                .param("jti", ticketId)
                .query(UsedTickets::usedTicket)
                .optional();
    }

    /**
     * Payments claimed before {@code claimedBefore} and still undecided whose next recovery attempt is due, oldest
     * first, at most {@code limit}. Several front units may run this: recovery is idempotent.
     */
    public List<UsedTicket> undecided(Instant claimedBefore, int limit) {
        return schema.jdbc().sql("""
                        SELECT jti, merchant_id, customer_id, ticket, outcome, voucher_id, refusal, created_at
                        FROM front.used_ticket
                        WHERE outcome IN ('in_progress', 'pending') AND created_at < :claimedBefore
                          AND (next_recovery_at IS NULL OR next_recovery_at <= :now)
                        ORDER BY created_at LIMIT :limit""")
                .param("claimedBefore", Timestamp.from(claimedBefore))
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", limit)
                .query(UsedTickets::usedTicket)
                .list();
    }

    /** Counts a recovery attempt and sets when the next one is due: the pause doubles up to {@code pauseMax}. */
    public void recoveryAttempted(String ticketId, Duration pause, Duration pauseMax) {
        schema.jdbc().sql("""
                        UPDATE front.used_ticket
                        SET next_recovery_at = CAST(:now AS timestamptz) + LEAST(:pauseMs * power(2, LEAST(recovery_attempts, 20)), :pauseMaxMs)
                                                      * interval '1 millisecond',
                            recovery_attempts = recovery_attempts + 1
                        WHERE jti = :jti""")
                .param("jti", ticketId)
                .param("now", Timestamp.from(clock.instant()))
                .param("pauseMs", pause.toMillis())
                .param("pauseMaxMs", pauseMax.toMillis())
                .update();
    }

    /** Claims the ticket for a payment; false when it was used before (or a concurrent confirm was first). */
    public boolean claimForPayment(String ticketId, String merchantId, String customerId, String compactTicket) {
        return insert(ticketId, merchantId, customerId, compactTicket, Outcome.IN_PROGRESS, null);
    }

    /** Uses the ticket up by the customer's Cancel; false when it was used before. */
    public boolean claimForCancel(String ticketId, String merchantId, String compactTicket, String signedRefusal) {
        return insert(ticketId, merchantId, null, compactTicket, Outcome.CANCELLED, signedRefusal);
    }

    public void recordPending(String ticketId) {
        schema.jdbc().sql("UPDATE front.used_ticket SET outcome = 'pending' WHERE jti = :jti AND outcome = 'in_progress'")
                .param("jti", ticketId)
                .update();
    }

    /**
     * Records the approval unless another request recorded a final outcome first; call it in the transaction
     * that stores the voucher. False when another request won.
     */
    public boolean recordApproved(String ticketId, String voucherId) {
        return recordFinal(ticketId, Outcome.APPROVED, voucherId, null);
    }

    /** Records the refusal unless another request recorded a final outcome first; false when it did. */
    public boolean recordRefused(String ticketId, String signedRefusal) {
        return recordFinal(ticketId, Outcome.REFUSED, null, signedRefusal);
    }

    private boolean recordFinal(String ticketId, Outcome outcome, String voucherId, String refusal) {
        return schema.jdbc().sql("""
                        UPDATE front.used_ticket
                        SET outcome = :outcome, voucher_id = :voucherId, refusal = :refusal, decided_at = :now
                        WHERE jti = :jti AND outcome IN ('in_progress', 'pending')""")
                .param("jti", ticketId)
                .param("outcome", outcome.code())
                .param("voucherId", voucherId)
                .param("refusal", refusal)
                .param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    private boolean insert(String ticketId, String merchantId, String customerId, String compactTicket,
                           Outcome outcome, String refusal) {
        Instant now = clock.instant();
        return schema.jdbc().sql("""
                        INSERT INTO front.used_ticket (jti, merchant_id, customer_id, ticket, outcome, refusal, created_at,
                                                       decided_at)
                        VALUES (:jti, :merchantId, :customerId, :ticket, :outcome, :refusal, :now, :decidedAt)
                        ON CONFLICT (jti) DO NOTHING""")
                .param("jti", ticketId)
                .param("merchantId", merchantId)
                .param("customerId", customerId)
                .param("ticket", compactTicket)
                .param("outcome", outcome.code())
                .param("refusal", refusal)
                .param("now", Timestamp.from(now))
                .param("decidedAt", outcome.isFinal() ? Timestamp.from(now) : null)
                .update() == 1;
    }

    private static UsedTicket usedTicket(ResultSet row, int rowNumber) throws SQLException {
        return new UsedTicket(
                row.getString("jti"),
                row.getString("merchant_id"),
                row.getString("customer_id"),
                row.getString("ticket"),
                Outcome.valueOf(row.getString("outcome").toUpperCase(Locale.ROOT)),
                row.getString("voucher_id"),
                row.getString("refusal"),
                row.getTimestamp("created_at").toInstant());
    }
}
