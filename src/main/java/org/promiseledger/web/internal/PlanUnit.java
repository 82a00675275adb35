package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The unit a person is scored on besides the company, as the plan weighed it: their department's subtree when the
 * booked payout lines give SUBTREE_CX a weight (latest segment when the quarter has several), else their department.
 * Read from the booked lines, so charts and integrity signals follow the rules rather than a role name.
 */
final class PlanUnit {

    /** One booked payout line as far as this question goes; segmentFrom null for a whole-quarter line. */
    record WeightedLine(LocalDate segmentFrom, String component, BigDecimal weight) {
    }

    private PlanUnit() {
    }

    static boolean scoredOnSubtree(List<WeightedLine> lines) {
        LocalDate latest = lines.stream().map(WeightedLine::segmentFrom).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(null);
        return lines.stream().anyMatch(l -> Objects.equals(l.segmentFrom(), latest)
                && "SUBTREE_CX".equals(l.component()) && l.weight() != null && l.weight().signum() > 0);
    }
}
