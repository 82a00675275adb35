package org.promiseledger.runs;

import java.sql.SQLException;

/**
 * Which failures a retry cannot fix. The database's own "data exception" class (SQLSTATE 22: a number out of range,
 * a text too long) fails the same way on every restart, so it is bad input (exit 2), not a crash (exit 1).
 */
final class FailureClass {

    private FailureClass() {
    }

    static boolean isPermanentDataError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
            if (t instanceof ArithmeticException) {
                return true; // e.g. a rounding the ledger cannot do exactly: the same on every retry
            }
        }
        return false;
    }
}
