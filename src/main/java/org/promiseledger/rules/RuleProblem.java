package org.promiseledger.rules;

/** A problem in a rule file: which file (relative to the rules folder), where in it, and what is wrong. */
public record RuleProblem(String file, String place, String message) {

    @Override
    public String toString() {
        return file + (place == null || place.isBlank() ? "" : ", " + place) + ": " + message;
    }
}
