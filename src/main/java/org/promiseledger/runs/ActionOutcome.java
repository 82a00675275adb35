package org.promiseledger.runs;

/** The result of an operator's action (approve, adjust, export): exit code 0 done, 2 refused, and what to tell them. */
public record ActionOutcome(int exitCode, String message) {

    public static ActionOutcome done(String message) {
        return new ActionOutcome(0, message);
    }

    public static ActionOutcome refused(String message) {
        return new ActionOutcome(2, message);
    }
}
