package org.promiseledger.web;

import java.math.BigDecimal;
import java.time.Instant;
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
        List<TrailLine> payoutTrail, List<AdjustmentLine> adjustments, BigDecimal net) {

    /** The payout row: target bonus = base × pct / 100 (exact), amount after caps, gate and any proration. */
    record Payout(String role, BigDecimal baseSalary, BigDecimal targetBonus, BigDecimal score, BigDecimal amount,
            String currency, String ruleSetVersion) {
    }

    /** A payout line: weight × attainment = contribution; for POOL_PRORATION weight is the factor, contribution money. */
    record ComponentLine(int seq, String component, String label, BigDecimal weight, BigDecimal attainment,
            BigDecimal contribution, List<TrailLine> decidedBy) {

        public boolean proration() {
            return "POOL_PRORATION".equals(component);
        }

        String lineRef() {
            return "COMPONENT:" + component;
        }
    }

    /** performance.csv's two percentages, null when the employee has no row (individual attainment 0, flagged). */
    record Individual(BigDecimal salesPct, BigDecimal productivityPct, String reading) {
    }

    /** The customer gate: executives are paid nothing when the company NPS attains 0. */
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
        scopes.forEach(s -> s.metrics().forEach(m -> lines.add(new QueryableLine(m.lineRef(), m.lineLabel()))));
        return lines;
    }

    String labelOf(String ref) {
        return queryableLines().stream().filter(l -> l.ref().equals(ref)).map(QueryableLine::label).findFirst().orElse(null);
    }
}
