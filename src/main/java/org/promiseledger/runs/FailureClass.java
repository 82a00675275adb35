package org.promiseledger.runs;

import org.promiseledger.kernel.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.kie.api.runtime.rule.ConsequenceException;
import org.promiseledger.ledger.UnstorableValueException;
import org.promiseledger.rules.RuleCompilationException;
import org.promiseledger.runs.partition.RemoteScoringFailed;
import org.springframework.batch.core.JobExecutionException;
import org.springframework.batch.core.JobInterruptedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures a retry can fix (exit 1: the database went away, the process was interrupted, the machine ran out
 * of memory) and which will fail the same way again (exit 2: bad input, bad rules or decision tables, bad settings,
 * a value that cannot be stored, and anything not known to be passing). Only the first kind is worth "run again".
 */
public enum FailureClass {
    RETRY_CAN_HELP(1),
    FIX_AND_RERUN(2);

    private final int exitCode;

    FailureClass(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static FailureClass of(Throwable failure) {
        if (isPermanent(failure)) {
            return FIX_AND_RERUN;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isTransient(t)) {
                return RETRY_CAN_HELP;
            }
        }
        return FIX_AND_RERUN;
    }

    /** The database's "data exception" class (SQLSTATE 22: number out of range, text too long), rules that throw. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BadInputException || t instanceof RuleCompilationException || t instanceof UnstorableValueException
                    || t instanceof ConsequenceException || t instanceof ArithmeticException || t instanceof NumberFormatException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(Throwable t) {
        // a worker process died, timed out or lost its database: the ranges it had are scored again by `run`
        if (t instanceof RemoteScoringFailed || (t instanceof JobExecutionException && t.getMessage() != null
                && t.getMessage().startsWith("Partition handler returned an unsuccessful step"))) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            // 08: connection lost or refused; 40: transaction rolled back (deadlock, serialization); HY000 lock wait
            if (state.startsWith("08") || state.startsWith("40") || sql.getErrorCode() == 1205) {
                return true;
            }
        }
        return t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException || t instanceof TransientDataAccessException
                || t instanceof RecoverableDataAccessException || t instanceof DataAccessResourceFailureException
                || t instanceof CannotCreateTransactionException || t instanceof IOException || t instanceof UncheckedIOException
                || t instanceof VirtualMachineError || t instanceof InterruptedException || t instanceof JobInterruptedException;
    }
}
