package org.promiseledger.workbench.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A rule scenario as an analyst writes it in rules/scenarios/*.yaml: given scopes (metric attainments, or metric values
 * with targets, or INSUFFICIENT) and employees, expect CX indexes, scores, amounts and which rules fired.
 */
public record Scenario(String file, String name, List<ScopeGiven> scopes, List<EmployeeGiven> employees,
        Map<String, BigDecimal> expectedCx, Map<String, PayoutExpected> expectedPayouts) {

    /** A scope key is COMPANY, "DEPARTMENT D1" or "SUBTREE D1". */
    public record ScopeGiven(String scope, String departmentId, boolean ownsTouchpoints, List<String> failedMomentsOfTruth,
            List<MetricGiven> metrics) {
    }

    /** Either an attainment, or INSUFFICIENT, or a value with its targets (then the curve decides). */
    public record MetricGiven(String metric, BigDecimal attainment, boolean insufficient, BigDecimal value, BigDecimal threshold,
            BigDecimal target, BigDecimal stretch, long sample) {
    }

    /**
     * An employee: one whole quarter (role, department, target bonus), or — with segments — the rows of a quarter with
     * mid-quarter changes, each scored on its own and paid pro rata to its days.
     */
    public record EmployeeGiven(String id, String role, String departmentId, BigDecimal targetBonus, BigDecimal salesPct,
            BigDecimal productivityPct, List<SegmentGiven> segments) {
    }

    /**
     * One segment: its first and last day (inclusive, inside one quarter), role, department and the target bonus of a
     * whole quarter at its pay (base salary × pct / 100); the segment's own is that × days / days of the quarter.
     */
    public record SegmentGiven(LocalDate from, LocalDate to, String role, String departmentId, BigDecimal targetBonus) {
    }

    public record PayoutExpected(BigDecimal score, BigDecimal amount, List<String> fired, List<String> notFired) {
    }
}
