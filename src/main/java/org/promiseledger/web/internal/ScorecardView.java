package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;

/**
 * One person's scorecard for one quarter, read from the run's ledger rows: the payout, each component and the rules
 * that decided it, the scopes behind the CX components, the customer gate, and the adjustments booked since.
 */
record ScorecardView(Period period, QuarterlyRunRecord run, Workforce.Member employee, String departmentName,
        Payout payout, List<ComponentLine> components, Individual individual, Gate gate, List<ScopeCard> scopes,
        List<TrailLine> payoutTrail, List<AdjustmentLine> adjustments, BigDecimal net, List<Segment> segments) {

    /** Whether the plan weighs this person's subtree CX index ({@link PlanUnit}). */
    boolean scoredOnSubtree() {
        return PlanUnit.scoredOnSubtree(components.stream()
                .map(c -> new PlanUnit.WeightedLine(c.segmentFrom(), c.component(), c.weight())).toList());
    }

    /** The payout row: target bonus = base × pct / 100 (exact), amount after caps, gate and any proration. */
    record Payout(String role, BigDecimal baseSalary, BigDecimal targetBonus, BigDecimal score, BigDecimal amount,
            String currency, String ruleSetVersion) {
    }

    /**
     * A payout line: weight × attainment = contribution; for POOL_PRORATION weight is the factor, contribution money.
     * A line of one segment of the quarter carries the segment's first day (null for a whole-quarter line).
     */
    record ComponentLine(int seq, String component, String label, BigDecimal weight, BigDecimal attainment,
            BigDecimal contribution, List<TrailLine> decidedBy, LocalDate segmentFrom) {

        public boolean proration() {
            return "POOL_PRORATION".equals(component);
        }

        String lineRef() {
            return "COMPONENT:" + component + (segmentFrom == null ? "" : "@" + segmentFrom);
        }
    }

    /**
     * One segment of an employee's quarter (a row of employees.csv clipped to it): its dates and days of the quarter,
     * department and role, its target bonus (salary × pct / 100 × days / D), its components, score and exact amount.
     */
    record Segment(LocalDate from, LocalDate to, int days, int quarterDays, String departmentId, String departmentName,
            String role, BigDecimal targetBonus, BigDecimal score, BigDecimal amount, boolean gated, boolean capped,
            List<ComponentLine> components) {

        /** How the segment's amount is made, in words and at the ledger's precision. */
        public String reading() {
            String base = "target bonus " + Formats.moneyOf(targetBonus) + " (" + days + " of " + quarterDays + " days) × score "
                    + Formats.fourPlaces(score);
            if (gated) {
                return base + ": customer gate closed for this segment, amount 0 (score kept)";
            }
            return base + (capped ? ", capped by the role's cap," : "") + " = " + exact(amount);
        }

        public String exactAmount() {
            return exact(amount);
        }

        public String title() {
            return from + " to " + to + " · " + days + " of " + quarterDays + " days · " + role + " · " + departmentId + " "
                    + departmentName;
        }
    }

    /** Σ of the segments' exact amounts, which is rounded once, HALF_EVEN to cents, into the payout. */
    public String segmentsSum() {
        BigDecimal sum = segments.stream().map(Segment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return String.join(" + ", segments.stream().map(s -> exact(s.amount())).toList()) + " = " + exact(sum)
                + ", rounded half-even to cents: " + Formats.moneyOf(sum);
    }

    /** An exact amount as the ledger keeps it (12 places), trailing zeros dropped but never fewer than 2 places. */
    static String exact(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 2 ? amount.setScale(2, RoundingMode.UNNECESSARY) : stripped).toPlainString();
    }

    /** performance.csv's two percentages, null when the employee has no row (individual attainment 0, flagged). */
    record Individual(BigDecimal salesPct, BigDecimal productivityPct, String reading) {
    }

    /**
     * The customer gate as the rules decided and the run booked it (payout_decision): whether it applies to this
     * employee (any segment), whether it closed, and the attainment it watched (null when none was booked).
     */
    record Gate(BigDecimal companyNpsAttainment, boolean applies, boolean closed, String reading) {
    }

    record AdjustmentLine(BigDecimal amount, String reason, String bookedBy, Instant bookedAt) {
    }

    /** A line a person may raise a query on: its reference and its words. */
    record QueryableLine(String ref, String label) {
    }

    public List<QueryableLine> queryableLines() {
        List<QueryableLine> lines = new ArrayList<>();
        lines.add(new QueryableLine("PAYOUT", "Payout amount " + Formats.moneyOf(payout.amount()) + " " + payout.currency()));
        components.forEach(c -> lines.add(new QueryableLine(c.lineRef(), c.label())));
        segments.forEach(s -> s.components().forEach(c -> lines.add(new QueryableLine(c.lineRef(), c.label()))));
        scopes.forEach(s -> s.metrics().forEach(m -> lines.add(new QueryableLine(m.lineRef(), m.lineLabel()))));
        return lines;
    }

    String labelOf(String ref) {
        return queryableLines().stream().filter(l -> l.ref().equals(ref)).map(QueryableLine::label).findFirst().orElse(null);
    }
}
