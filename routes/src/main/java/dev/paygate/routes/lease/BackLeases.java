package dev.paygate.routes.lease;

import dev.paygate.routes.BackUnit;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which singleton jobs this back unit holds. A lease is a PostgreSQL session advisory lock held on a database
 * connection kept for it: the lock lives exactly as long as that session, so when a back unit dies (kill -9, a
 * crash) PostgreSQL drops its session and the lock with it, and the next back unit that asks takes the job over,
 * with the reversals the dead one held. Nothing to expire by clock, nothing to clean up by hand.
 */
@Component
@BackUnit
public class BackLeases {

    private static final Logger log = LoggerFactory.getLogger(BackLeases.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    /** The connection that carries each held lease's lock; guarded by {@code this}. */
    private final Map<Lease, Connection> held = new EnumMap<>(Lease.class);

    public BackLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @return whether this back unit holds {@code lease} now, taking it when nobody does; a lost connection
     *         loses the lease (another back unit may have it already) and is retried on the next call
     */
    public synchronized boolean holds(Lease lease) {
        Connection connection = held.get(lease);
        try {
            if (connection != null && connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return true;
            }
        } catch (SQLException e) {
            // An invalid connection: the lease is gone with it.
        }
        if (connection != null) {
            log.warn("Lost the {} lease with its database session", lease);
            release(lease);
        }
        return tryAcquire(lease);
    }

    private boolean tryAcquire(Lease lease) {
        Connection candidate = null;
        try {
            candidate = dataSource.getConnection();
            candidate.setAutoCommit(true);
            if (lock(candidate, "select pg_try_advisory_lock(?)", lease)) {
                held.put(lease, candidate);
                log.info("This back unit now holds the {} lease", lease);
                return true;
            }
        } catch (SQLException e) {
            log.warn("Could not ask for the {} lease: {}", lease, e.getMessage());
        }
        closeQuietly(candidate);
        return false;
    }

    /** Gives every lease back, so another back unit takes over at once instead of after this one's exit. */
    @PreDestroy
    public synchronized void releaseAll() {
        for (Lease lease : Lease.values()) {
            release(lease);
        }
    }

    private void release(Lease lease) {
        Connection connection = held.remove(lease);
        if (connection == null) {
            return;
        }
        try {
            // The pool keeps the session: a lock left on it would outlive this back unit's claim.
            lock(connection, "select pg_advisory_unlock(?)", lease);
        } catch (SQLException e) {
            // A broken session holds no lock any more.
        }
        closeQuietly(connection);
    }

    private static boolean lock(Connection connection, String sql, Lease lease) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, lease.advisoryLockKey());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing left to give back.
        }
    }
}
