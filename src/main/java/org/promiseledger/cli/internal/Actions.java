package org.promiseledger.cli.internal;

import java.util.concurrent.Callable;

import org.promiseledger.runs.ActionOutcome;

/** How the operator commands report: the outcome's message on stdout (done) or stderr (refused), and its exit code. */
final class Actions {

    private Actions() {
    }

    static int report(Callable<ActionOutcome> action) {
        ActionOutcome outcome;
        try {
            outcome = action.call();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("failed: " + e.getMessage());
            return 1;
        }
        (outcome.exitCode() == 0 ? System.out : System.err).println(outcome.message());
        return outcome.exitCode();
    }

    static String user(String as) {
        return as == null || as.isBlank() ? System.getProperty("user.name") : as;
    }
}
