package org.promiseledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.promiseledger.integrity.Decision;
import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.integrity.ReviewedSignal;
import org.promiseledger.period.Period;
import org.promiseledger.runs.RunRegistry;

/**
 * For tests about what happens after approval: the small company's quarters honestly fire score-integrity signals at
 * min-sample 3 (answers bunched at quarter end), and approval waits until each is reviewed. This clears them the way a
 * reviewer would, through the integrity feature's own service, so the test can go on to approve.
 */
public final class ReviewedSignals {

    private ReviewedSignals() {
    }

    /** Marks every open signal of the period's latest run CLEARED by {@code reviewer} (not the run's launcher). */
    public static void clearAll(IntegrityReviews integrity, RunRegistry registry, Period period, String reviewer) {
        for (ReviewedSignal s : integrity.reviewedSignalsOf(registry.latest(period).orElseThrow())) {
            if (s.open()) {
                assertThat(integrity.review(period, s.finding().touchpointId(), s.finding().signal(), Decision.CLEARED,
                        "survey invitations go out in a monthly batch", reviewer).exitCode()).isZero();
            }
        }
    }
}
