package org.promiseledger.runs.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Liveness of a run: the running process holds a row lock on its period in an open transaction on a connection of
 * its own. The database releases it when the process dies (the connection drops), so a killed run is restartable
 * at once and a live one is never run twice.
 */
@Component
public class PeriodLock {

    private final DataSource dataSource;

    PeriodLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A held lock; closing it releases the period. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Takes the period's lock, or throws {@link PeriodBusyException} at once when another process holds it. */
    public Held acquire(String period) {
        ensureRow(period);
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT period FROM period_lock WHERE period = ? FOR UPDATE NOWAIT")) {
                    ps.setString(1, period);
                    ps.executeQuery().close();
                }
            } catch (SQLException busy) {
                connection.rollback();
                connection.close();
                throw new PeriodBusyException(period);
            }
            return () -> {
                try (connection) {
                    connection.rollback();
                } catch (SQLException e) {
                    // the connection is gone, and with it the lock
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the run lock of " + period + ": " + e.getMessage(), e);
        }
    }

    private void ensureRow(String period) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement find = connection.prepareStatement("SELECT COUNT(*) FROM period_lock WHERE period = ?")) {
                find.setString(1, period);
                try (var rs = find.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO period_lock (period) VALUES (?)")) {
                insert.setString(1, period);
                insert.executeUpdate();
            } catch (SQLException raced) {
                // another process inserted it first
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the run lock of " + period + ": " + e.getMessage(), e);
        }
    }

    /** Another process is running this period right now. */
    public static class PeriodBusyException extends RuntimeException {
        public PeriodBusyException(String period) {
            super("a run of " + period + " is in progress in another process; wait for it to finish");
        }
    }
}
