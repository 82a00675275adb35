package org.promiseledger.runs.internal;

import org.promiseledger.kernel.BadInputException;

import java.util.ArrayList;
import java.util.List;

import org.promiseledger.ledger.UnstorableValueException;
import org.promiseledger.rules.RuleCompilationException;
import org.promiseledger.runs.FailureClass;
import org.springframework.batch.core.JobExecution;

/**
 * Why a job execution did not complete, sorted into the two failure classes: bad input or rules (exit 2, fix and
 * run again) and everything else (exit 1, a retry can help). Public for the runner and the input check in
 * {@code org.promiseledger.runs}.
 */
public record RunFailures(List<String> badInput, List<String> failures) {

    /**
     * Sorts every failure of {@code execution} by its root cause: bad input, rule compilation problems and unstorable
     * values go to {@code badInput} (one message each), the rest to {@code failures}. Both empty if nothing failed.
     */
    public static RunFailures of(JobExecution execution) {
        List<String> badInput = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Throwable failure : execution.getAllFailureExceptions()) {
            Throwable cause = rootCause(failure);
            if (cause instanceof BadInputException bad) {
                badInput.addAll(bad.problems());
            } else if (cause instanceof RuleCompilationException rules) {
                rules.problems().forEach(p -> badInput.add(p.toString()));
            } else if (cause instanceof UnstorableValueException unstorable) {
                badInput.add(unstorable.getMessage());
            } else if (FailureClass.of(failure) == FailureClass.FIX_AND_RERUN) {
                badInput.add(describe(failure, cause));
            } else {
                failures.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        return new RunFailures(badInput, failures);
    }

    /** A permanent failure in words: a rule that threw names the rule; a database data error says so. */
    private static String describe(Throwable failure, Throwable cause) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.kie.api.runtime.rule.ConsequenceException rule && rule.getMatch() != null) {
                return "the rule \"" + rule.getMatch().getRule().getName() + "\" failed: " + cause.getClass().getSimpleName() + ": "
                        + cause.getMessage() + " (check the rule files and decision tables; nothing was paid)";
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return "a value cannot be stored: " + sql.getMessage();
            }
        }
        return "stopped by " + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                + " (this will fail the same way again; the details are in the log file)";
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof BadInputException) && !(cause instanceof RuleCompilationException)
                && !(cause instanceof UnstorableValueException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
