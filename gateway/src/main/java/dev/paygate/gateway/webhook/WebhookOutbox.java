package dev.paygate.gateway.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paygate.gateway.database.FrontSchema;
import dev.paygate.gateway.ticket.CheckedTicket;
import dev.paygate.gateway.voucher.StoredVoucher;
import dev.paygate.merchant.refusal.RefusalReason;
import dev.paygate.merchant.ticket.Ticket;
import dev.paygate.routes.account.AccountAnswer;
import dev.paygate.routes.order.Decision;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The persistent outbox of merchant notifications. An outcome's event is written in the outcome's own
 * transaction when there is one, so the two commit together. Each merchant's events are numbered
 * ({@code sequence}) under a lock on its settings row, so the numbers follow commit order.
 *
 * <p>Times here are the database's ({@code clock_timestamp()}): several front nodes share one outbox, so one
 * clock must decide what is due.
 */
@Component
public class WebhookOutbox {

    /** The events of one payment shown with it at most (approval, refunds, refusal). */
    static final int EVENTS_PER_TICKET_MAX = 200;
    /** Keeps the attempt that {@code attempted} (an update's RETURNING) counted, in the same statement. */
    private static final String RECORD_ATTEMPT = """
            INSERT INTO front.webhook_attempt (event_id, attempt, attempted_at, http_status, error)
            SELECT event_id, attempts, clock_timestamp(), last_http_status, last_error FROM attempted""";
    /** Bodies are written once with a fixed mapper: what was signed must not depend on Spring's settings. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FrontSchema schema;
    private final WebhookProperties properties;

    public WebhookOutbox(FrontSchema schema, WebhookProperties properties) {
        this.schema = schema;
        this.properties = properties;
    }

    /** A payment the back unit approved, with the voucher the customer carries to the merchant. */
    public Optional<UUID> recordApproved(Ticket ticket, StoredVoucher voucher, Decision decision) {
        Map<String, Object> details = paymentDetails(ticket);
        details.put("voucherId", voucher.voucherId());
        details.put("path", decision.path().code());
        details.put("registerSerial", decision.registerSerial());
        return record(ticket.merchantId(), EventType.PAYMENT_APPROVED, details);
    }

    /** A payment the back unit refused, with the refusal's reason code. */
    public Optional<UUID> recordRefused(Ticket ticket, RefusalReason reason) {
        Map<String, Object> details = paymentDetails(ticket);
        details.put("reason", reason.code());
        return record(ticket.merchantId(), EventType.PAYMENT_REFUSED, details);
    }

    /** A wallet refund the back office made for the merchant; order and voucher when the front issued one. */
    public Optional<UUID> recordRefunded(String merchantId, AccountAnswer.Refund refund) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ticketId", refund.ticketId());
        schema.jdbc().sql("SELECT vid, oid FROM front.voucher WHERE tid = :tid AND mid = :mid")
                .param("tid", refund.ticketId())
                .param("mid", merchantId)
                .query((row, rowNumber) -> Map.of("orderId", row.getString("oid"), "voucherId", row.getString("vid")))
                .optional()
                .ifPresent(voucher -> {
                    details.put("orderId", voucher.get("orderId"));
                    details.put("voucherId", voucher.get("voucherId"));
                });
        details.put("refundId", refund.refundId());
        details.put("amountMinor", refund.amountMinor());
        details.put("currency", refund.currency());
        details.put("refundedTotalMinor", refund.refundedTotalMinor());
        return record(merchantId, EventType.PAYMENT_REFUNDED, details);
    }

    /**
     * A daily sweep paid the merchant's till to its bank. Announced once per merchant and business day, however
     * often the back unit's event arrives.
     */
    public Optional<UUID> recordSwept(String merchantId, LocalDate businessDay, long amountMinor, String currency,
                                      String iban) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("businessDay", businessDay.toString());
        details.put("amountMinor", amountMinor);
        details.put("currency", currency);
        details.put("iban", iban);
        return record(merchantId, EventType.MERCHANT_SWEPT, details, "swept:" + merchantId + ":" + businessDay);
    }

    /**
     * A ticket naming one of the merchant's keys was refused, and no signed refusal could go back through it (its
     * signature did not verify, or its ids or cancel URL cannot carry one). Recorded once per {@code dedupeKey}
     * (the same ticket opened again) and at most {@code ticket-refused-per-hour-max} times per merchant and hour:
     * anyone can make such a ticket with the merchant's public kid.
     */
    public Optional<UUID> recordTicketRefused(CheckedTicket.Sender sender, RefusalReason reason, String dedupeKey) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason.code());
        details.put("detail", sender.explanation());
        details.put("signatureVerified", sender.signatureVerified());
        details.put("keyId", sender.keyId());
        // As the ticket claims them: not trusted, hence not named ticketId and orderId.
        details.put("claimedTicketId", sender.ticketId().orElse(null));
        details.put("claimedOrderId", sender.orderId().orElse(null));
        return record(sender.merchantId(), EventType.TICKET_REFUSED, details, dedupeKey,
                properties.ticketRefusedPerHourMax());
    }

    /** A test event the merchant asked for from its dashboard; empty when it has no notify URL. */
    public Optional<UUID> recordTest(String merchantId) {
        return record(merchantId, EventType.WEBHOOK_TEST, Map.of("message",
                "A test event sent from the Paygate merchant dashboard. It announces nothing."));
    }

    /** The event's id, or empty when the merchant has no notify URL (then nothing is recorded). */
    Optional<UUID> record(String merchantId, EventType type, Map<String, Object> details) {
        return record(merchantId, type, details, null);
    }

    private Optional<UUID> record(String merchantId, EventType type, Map<String, Object> details, String dedupeKey) {
        return record(merchantId, type, details, dedupeKey, Integer.MAX_VALUE);
    }

    /**
     * @param dedupeKey   when not null, an event already recorded under it is not recorded again
     * @param perHourMax  events of this type recorded for the merchant within the last hour at most
     */
    private Optional<UUID> record(String merchantId, EventType type, Map<String, Object> details, String dedupeKey,
                                  int perHourMax) {
        record Numbered(long sequence, Instant now) {
        }
        return schema.inTransaction(status -> {
            if (dedupeKey != null && schema.jdbc().sql("SELECT 1 FROM front.webhook_event WHERE dedupe_key = :key")
                    .param("key", dedupeKey).query((row, rowNumber) -> 1).optional().isPresent()) {
                return Optional.<UUID>empty();
            }
            Optional<Numbered> numbered = schema.jdbc().sql("""
                            UPDATE front.webhook_endpoint SET last_sequence = last_sequence + 1
                            WHERE merchant_id = :merchantId
                            RETURNING last_sequence, clock_timestamp() AS now""")
                    .param("merchantId", merchantId)
                    .query((row, rowNumber) -> new Numbered(row.getLong("last_sequence"),
                            row.getTimestamp("now").toInstant().truncatedTo(ChronoUnit.MILLIS)))
                    .optional();
            if (numbered.isEmpty()) {
                return Optional.<UUID>empty();
            }
            // Counted under the endpoint's row lock, which the numbering above took: concurrent events queue here.
            if (perHourMax < Integer.MAX_VALUE && recentCount(merchantId, type) >= perHourMax) {
                status.setRollbackOnly();
                return Optional.<UUID>empty();
            }
            UUID eventId = UUID.randomUUID();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventId", eventId.toString());
            body.put("type", type.code());
            body.put("createdAt", numbered.get().now().toString());
            body.put("merchantId", merchantId);
            body.put("sequence", numbered.get().sequence());
            details.forEach((name, value) -> {
                if (value != null) {
                    body.put(name, value);
                }
            });
            schema.jdbc().sql("""
                            INSERT INTO front.webhook_event (event_id, merchant_id, sequence, type, body, status,
                                next_attempt_at, created_at, dedupe_key, ticket_id)
                            VALUES (:eventId, :merchantId, :sequence, :type, :body, 'pending', :now, :now, :dedupeKey,
                                    :ticketId)""")
                    .param("eventId", eventId)
                    .param("merchantId", merchantId)
                    .param("sequence", numbered.get().sequence())
                    .param("type", type.code())
                    .param("body", json(body))
                    .param("now", Timestamp.from(numbered.get().now()))
                    .param("dedupeKey", dedupeKey)
                    .param("ticketId", details.get("ticketId") instanceof String ticketId ? ticketId : null)
                    .update();
            return Optional.of(eventId);
        });
    }

    /**
     * Reserves due events for one delivery each, for {@code lease}: at most {@code batchMax}, and per merchant
     * only its oldest pending event, so event N+1 never leaves before event N is delivered or given up.
     * {@code SKIP LOCKED} and the lease keep two front nodes from claiming the same event.
     */
    List<DueEvent> claimDue(int batchMax, Duration lease, UUID leaseToken) {
        return schema.jdbc().sql("""
                        WITH due AS (
                            SELECT e.event_id FROM front.webhook_event e
                            WHERE e.status = 'pending' AND e.next_attempt_at <= clock_timestamp()
                              AND NOT EXISTS (SELECT 1 FROM front.webhook_event earlier
                                              WHERE earlier.merchant_id = e.merchant_id AND earlier.status = 'pending'
                                                AND earlier.sequence < e.sequence)
                            ORDER BY e.next_attempt_at
                            LIMIT :batchMax
                            FOR UPDATE OF e SKIP LOCKED)
                        UPDATE front.webhook_event e
                        SET lease_token = :leaseToken,
                            next_attempt_at = clock_timestamp() + :leaseMs * interval '1 millisecond'
                        FROM due, front.webhook_endpoint w
                        WHERE e.event_id = due.event_id AND w.merchant_id = e.merchant_id
                        RETURNING e.event_id, e.merchant_id, e.sequence, e.body, e.attempts, w.notify_url, w.secret""")
                .param("batchMax", batchMax)
                .param("leaseToken", leaseToken)
                .param("leaseMs", lease.toMillis())
                .query((row, rowNumber) -> new DueEvent(row.getObject("event_id", UUID.class),
                        row.getString("merchant_id"), row.getLong("sequence"), row.getString("body"),
                        row.getInt("attempts"), URI.create(row.getString("notify_url")), row.getString("secret")))
                .list();
    }

    /** The merchant answered 2xx; ignored when the lease expired and another attempt owns the event. */
    boolean markDelivered(DueEvent event, UUID leaseToken, int httpStatus) {
        return schema.jdbc().sql("""
                        WITH attempted AS (
                            UPDATE front.webhook_event
                            SET status = 'delivered', attempts = attempts + 1, delivered_at = clock_timestamp(),
                                last_http_status = :httpStatus, last_error = NULL, lease_token = NULL
                            WHERE event_id = :eventId AND lease_token = :leaseToken AND status = 'pending'
                            RETURNING event_id, attempts, last_http_status, last_error)
                        """ + RECORD_ATTEMPT)
                .param("eventId", event.eventId())
                .param("leaseToken", leaseToken)
                .param("httpStatus", httpStatus)
                .update() == 1;
    }

    /**
     * The attempt failed: retry after {@code retryDelay}, or give the event up as {@code failed} once it has had
     * {@code attemptsMax} attempts (which lets the merchant's next event go).
     *
     * @param httpStatus the merchant's answer, null when there was none (timeout, refused connection)
     */
    boolean markAttemptFailed(DueEvent event, UUID leaseToken, Integer httpStatus, String error, Duration retryDelay,
                              int attemptsMax) {
        return schema.jdbc().sql("""
                        WITH attempted AS (
                            UPDATE front.webhook_event
                            SET attempts = attempts + 1,
                                status = CASE WHEN attempts + 1 >= :attemptsMax THEN 'failed' ELSE 'pending' END,
                                next_attempt_at = clock_timestamp() + :retryDelayMs * interval '1 millisecond',
                                last_http_status = :httpStatus, last_error = :error, lease_token = NULL
                            WHERE event_id = :eventId AND lease_token = :leaseToken AND status = 'pending'
                            RETURNING event_id, attempts, last_http_status, last_error)
                        """ + RECORD_ATTEMPT)
                .param("eventId", event.eventId())
                .param("leaseToken", leaseToken)
                .param("attemptsMax", attemptsMax)
                .param("retryDelayMs", retryDelay.toMillis())
                .param("httpStatus", httpStatus, Types.INTEGER)
                .param("error", error)
                .update() == 1;
    }

    /**
     * Sends one of the merchant's delivered or given-up events again, as it was signed (same id and body): due now,
     * it gets at least one more attempt, and retries while it has had fewer than {@code attempts-max}. Like any
     * pending event it holds the merchant's later events back until it is done.
     *
     * @return false when the merchant has no such event, it is still pending, or the merchant has no notify URL
     */
    public boolean resend(String merchantId, UUID eventId) {
        return schema.jdbc().sql("""
                        UPDATE front.webhook_event e
                        SET status = 'pending', next_attempt_at = clock_timestamp(), delivered_at = NULL,
                            lease_token = NULL
                        WHERE e.event_id = :eventId AND e.merchant_id = :merchantId AND e.status IN ('delivered', 'failed')
                          AND EXISTS (SELECT 1 FROM front.webhook_endpoint w WHERE w.merchant_id = e.merchant_id)""")
                .param("eventId", eventId)
                .param("merchantId", merchantId)
                .update() == 1;
    }

    /** The merchant's events about one payment, oldest first. */
    public List<EventView> forTicket(String merchantId, String ticketId) {
        return schema.jdbc().sql("""
                        SELECT event_id, sequence, type, status, attempts, next_attempt_at, last_http_status,
                               last_error, created_at, delivered_at, body
                        FROM front.webhook_event WHERE merchant_id = :merchantId AND ticket_id = :ticketId
                        ORDER BY sequence LIMIT :limit""")
                .param("merchantId", merchantId)
                .param("ticketId", ticketId)
                .param("limit", EVENTS_PER_TICKET_MAX)
                .query(WebhookOutbox::eventView)
                .list();
    }

    /** Every attempt to deliver these events, oldest first, by event. */
    public Map<String, List<Attempt>> attempts(List<EventView> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Attempt>> byEvent = new LinkedHashMap<>();
        events.forEach(event -> byEvent.put(event.eventId(), new ArrayList<>()));
        schema.jdbc().sql("""
                        SELECT event_id, attempt, attempted_at, http_status, error FROM front.webhook_attempt
                        WHERE event_id IN (:eventIds) ORDER BY event_id, attempt""")
                .param("eventIds", events.stream().map(event -> UUID.fromString(event.eventId())).toList())
                .query((row, rowNumber) -> {
                    byEvent.get(row.getObject("event_id", UUID.class).toString()).add(new Attempt(
                            row.getInt("attempt"), row.getTimestamp("attempted_at").toInstant(),
                            (Integer) row.getObject("http_status"), row.getString("error")));
                    return null;
                })
                .list();
        return byEvent;
    }

    private long recentCount(String merchantId, EventType type) {
        return schema.jdbc().sql("""
                        SELECT count(*) FROM front.webhook_event WHERE merchant_id = :merchantId AND type = :type
                          AND created_at > clock_timestamp() - interval '1 hour'""")
                .param("merchantId", merchantId)
                .param("type", type.code())
                .query(Long.class)
                .single();
    }

    /** Events of every merchant still waiting to be delivered. */
    public long pendingCount() {
        return schema.jdbc().sql("SELECT count(*) FROM front.webhook_event WHERE status = 'pending'")
                .query(Long.class)
                .single();
    }

    /** The merchant's events, newest first. */
    public EventPage page(String merchantId, int page, int size) {
        long total = schema.jdbc().sql("SELECT count(*) FROM front.webhook_event WHERE merchant_id = :merchantId")
                .param("merchantId", merchantId)
                .query(Long.class)
                .single();
        List<EventView> events = schema.jdbc().sql("""
                        SELECT event_id, sequence, type, status, attempts, next_attempt_at, last_http_status,
                               last_error, created_at, delivered_at, body
                        FROM front.webhook_event WHERE merchant_id = :merchantId
                        ORDER BY sequence DESC LIMIT :size OFFSET :offset""")
                .param("merchantId", merchantId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(WebhookOutbox::eventView)
                .list();
        return new EventPage(page, size, total, events);
    }

    private static EventView eventView(ResultSet row, int rowNumber) throws SQLException {
        String status = row.getString("status");
        Timestamp deliveredAt = row.getTimestamp("delivered_at");
        return new EventView(row.getObject("event_id", UUID.class).toString(), row.getLong("sequence"),
                row.getString("type"), status, row.getInt("attempts"),
                row.getTimestamp("created_at").toInstant(),
                "pending".equals(status) ? row.getTimestamp("next_attempt_at").toInstant() : null,
                deliveredAt == null ? null : deliveredAt.toInstant(),
                (Integer) row.getObject("last_http_status"), row.getString("last_error"), row.getString("body"));
    }

    private static Map<String, Object> paymentDetails(Ticket ticket) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ticketId", ticket.ticketId());
        details.put("orderId", ticket.orderId());
        details.put("amountMinor", ticket.amountMinor());
        details.put("currency", ticket.currency());
        details.put("serial", ticket.serial());
        return details;
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body of strings and numbers always serializes", e);
        }
    }

    /** A claimed event with where and how to send it; {@link #toString()} hides the secret. */
    record DueEvent(UUID eventId, String merchantId, long sequence, String body, int attempts, URI notifyUrl,
                    String secret) {
        @Override
        public String toString() {
            return "DueEvent[eventId=" + eventId + ", merchantId=" + merchantId + ", sequence=" + sequence
                    + ", attempts=" + attempts + ", notifyUrl=" + notifyUrl + ", secret=***]";
        }
    }
}
