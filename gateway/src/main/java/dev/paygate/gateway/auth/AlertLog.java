package dev.paygate.gateway.auth;

import dev.paygate.gateway.database.FrontSchema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Alerts for operators, kept in {@code front.alert}; the lockout of a customer raises one. */
@Component
public record AlertLog(FrontSchema schema, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(AlertLog.class);
    private static final int RECENT_MAX = 1_000;

    public Alert raise(String customerId, String kind, LockPolicy policy) {
        Instant now = clock.instant();
        long alertId = schema.jdbc().sql("""
                        INSERT INTO front.alert (customer_id, kind, policy, created_at)
                        VALUES (:customerId, :kind, :policy, :createdAt)
                        RETURNING alert_id""")
                .param("customerId", customerId)
                .param("kind", kind)
                .param("policy", policy.code())
                .param("createdAt", Timestamp.from(now))
                .query(Long.class)
                .single();
        log.warn("Alert {}: {} for customer {} (policy {})", alertId, kind, customerId, policy.code());
        return new Alert(alertId, customerId, kind, policy, now, false);
    }

    /** The newest alerts first, at most {@code limit} (capped at 1,000). */
    public List<Alert> recent(int limit) {
        return schema.jdbc().sql("""
                        SELECT alert_id, customer_id, kind, policy, created_at, acknowledged
                        FROM front.alert ORDER BY created_at DESC, alert_id DESC LIMIT :limit""")
                .param("limit", Math.clamp(limit, 0, RECENT_MAX))
                .query(AlertLog::alert)
                .list();
    }

    /** Marks an alert as seen by an operator; false when there is no such alert. */
    public boolean acknowledge(long alertId) {
        return schema.jdbc().sql("UPDATE front.alert SET acknowledged = true WHERE alert_id = :alertId")
                .param("alertId", alertId)
                .update() == 1;
    }

    private static Alert alert(ResultSet row, int rowNumber) throws SQLException {
        return new Alert(
                row.getLong("alert_id"),
                row.getString("customer_id"),
                row.getString("kind"),
                LockPolicy.valueOf(row.getString("policy").toUpperCase(Locale.ROOT)),
                row.getTimestamp("created_at").toInstant(),
                row.getBoolean("acknowledged"));
    }
}
