package org.promiseledger.scoring;

import java.math.BigDecimal;

/**
 * A stored metric of one scope handed to the rules, with the targets that apply to it (the scope's own row,
 * else the company's; null when there is none).
 */
public record MetricInput(String scope, String departmentId, String metric, BigDecimal value, long sampleSize,
        boolean sufficient, boolean higherIsBetter, BigDecimal threshold, BigDecimal target, BigDecimal stretch) {

    public boolean hasTargets() {
        return threshold != null;
    }

    public String subject() {
        return Scope.subjectOf(scope, departmentId);
    }
}
