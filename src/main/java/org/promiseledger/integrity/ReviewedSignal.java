package org.promiseledger.integrity;

/**
 * A signal of a run with the review that settles it (null while open), and whether this run already leaves out the
 * touchpoint's surveys.
 */
public record ReviewedSignal(Finding finding, Review review, boolean excludedHere) {

    public boolean open() {
        return review == null;
    }

    /** For pages: OPEN, CLEARED, EXCLUDED (applied in this run) or EXCLUDED - RUN AGAIN (not yet applied). */
    public String status() {
        if (review == null) {
            return "OPEN";
        }
        if (review.decision() == Decision.EXCLUDED && !excludedHere) {
            return "EXCLUDED - run the period again";
        }
        return review.decision().name();
    }
}
