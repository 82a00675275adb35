package org.promiseledger.workbench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A rule scenario as an analyst writes it in rules/scenarios/*.yaml: given scopes (metric attainments, or metric values
 * with targets, or INSUFFICIENT) and employees, expect CX indexes, scores, amounts and which rules fired.
 */
record Scenario(String file, String name, List<ScopeGiven> scopes, List<EmployeeGiven> employees,
        Map<String, BigDecimal> expectedCx, Map<String, PayoutExpected> expectedPayouts) {

    /** A scope key is COMPANY, "DEPARTMENT D1" or "SUBTREE D1". */
    record ScopeGiven(String scope, String departmentId, boolean ownsTouchpoints, List<String> failedMomentsOfTruth,
            List<MetricGiven> metrics) {
    }

    /** Either an attainment, or INSUFFICIENT, or a value with its targets (then the curve decides). */
    record MetricGiven(String metric, BigDecimal attainment, boolean insufficient, BigDecimal value, BigDecimal threshold,
            BigDecimal target, BigDecimal stretch, long sample) {
    }

    record EmployeeGiven(String id, String role, String departmentId, BigDecimal targetBonus, BigDecimal salesPct,
            BigDecimal productivityPct) {
    }

    record PayoutExpected(BigDecimal score, BigDecimal amount, List<String> fired, List<String> notFired) {
    }
}
