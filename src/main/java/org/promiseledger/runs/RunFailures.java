package org.promiseledger.runs;

import java.util.ArrayList;
import java.util.List;

import org.promiseledger.rules.RuleCompilationException;
import org.springframework.batch.core.JobExecution;

/**
 * Why a job execution did not complete, sorted into the two failure classes: bad input or rules (exit 2, fix and
 * run again) and everything else (exit 1, a retry can help).
 */
record RunFailures(List<String> badInput, List<String> failures) {

    static RunFailures of(JobExecution execution) {
        List<String> badInput = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Throwable failure : execution.getAllFailureExceptions()) {
            Throwable cause = rootCause(failure);
            if (cause instanceof BadInputException bad) {
                badInput.addAll(bad.problems());
            } else if (cause instanceof RuleCompilationException rules) {
                rules.problems().forEach(p -> badInput.add(p.toString()));
            } else {
                failures.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        return new RunFailures(badInput, failures);
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof BadInputException) && !(cause instanceof RuleCompilationException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
