package org.promiseledger.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds a person's scorecard from what the run booked (payout, payout_line, rule_trail) and the scopes behind
 * its CX components. Callers decide first whether the viewer may see it ({@link PayVisibility}).
 */
@Component
class ScorecardReader {

    private static final String GATE_RULE = "Executives get nothing when the customer gate fails";

    private final JdbcTemplate jdbc;
    private final ScopeCardReader scopes;
    private final CalculatedPeriods periods;

    ScorecardReader(JdbcTemplate jdbc, ScopeCardReader scopes, CalculatedPeriods periods) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.periods = periods;
    }

    Optional<ScorecardView> read(Period period, QuarterlyRunRecord run, String employeeId, Workforce workforce) {
        long runId = run.runId();
        Optional<ScorecardView.Payout> payout = jdbc.query("SELECT role, base_salary, target_bonus, score, amount, currency,"
                + " rule_set_version FROM payout WHERE run_id = ? AND employee_id = ?", (rs, i) -> new ScorecardView.Payout(
                        rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getString(6), rs.getString(7)), runId, employeeId).stream().findFirst();
        Optional<Workforce.Member> member = workforce.member(employeeId);
        if (payout.isEmpty() || member.isEmpty()) {
            return Optional.empty();
        }
        Workforce.Member employee = member.get();
        List<TrailLine> trail = jdbc.query("SELECT subject, rule_name, decision FROM rule_trail WHERE run_id = ? AND subject = ?"
                + " ORDER BY id", (rs, i) -> new TrailLine(rs.getString(1), rs.getString(2), rs.getString(3)), runId,
                "EMPLOYEE " + employeeId);
        List<ScorecardView.ComponentLine> components = jdbc.query("SELECT seq, component, weight, attainment, contribution"
                + " FROM payout_line WHERE run_id = ? AND employee_id = ? ORDER BY seq", (rs, i) -> {
                    String component = rs.getString(2);
                    return new ScorecardView.ComponentLine(rs.getInt(1), component, label(component, employee, workforce),
                            rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), decidedBy(component, trail));
                }, runId, employeeId);
        Long previousRunId = periods.run(period.previous()).map(QuarterlyRunRecord::runId).orElse(null);
        List<ScopeCard> cards = new ArrayList<>();
        for (ScorecardView.ComponentLine c : components) {
            scopeOf(c.component(), employee).ifPresent(ref -> cards.add(scopes.read(runId, ref, workforce, previousRunId)));
        }
        List<ScorecardView.AdjustmentLine> adjustments = jdbc.query("SELECT amount, reason, booked_by, booked_at FROM adjustment"
                + " WHERE period = ? AND employee_id = ? ORDER BY id", (rs, i) -> new ScorecardView.AdjustmentLine(
                        rs.getBigDecimal(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                period.toString(), employeeId);
        BigDecimal net = adjustments.stream().map(ScorecardView.AdjustmentLine::amount)
                .reduce(payout.get().amount(), BigDecimal::add);
        return Optional.of(new ScorecardView(period, run, employee, workforce.departmentName(employee.departmentId()),
                payout.get(), components, individual(runId, employeeId), gate(runId, employee, trail), cards, trail,
                adjustments, net));
    }

    private static Optional<ScopeRef> scopeOf(String component, Workforce.Member employee) {
        return switch (component) {
            case "COMPANY_CX" -> Optional.of(ScopeRef.COMPANY);
            case "DEPARTMENT_CX" -> Optional.of(ScopeRef.department(employee.departmentId()));
            case "SUBTREE_CX" -> Optional.of(ScopeRef.subtree(employee.departmentId()));
            default -> Optional.empty();
        };
    }

    private static String label(String component, Workforce.Member employee, Workforce workforce) {
        String department = employee.departmentId() + " " + workforce.departmentName(employee.departmentId());
        return switch (component) {
            case "COMPANY_CX" -> "Company CX index";
            case "DEPARTMENT_CX" -> "Department CX index (" + department + ")";
            case "SUBTREE_CX" -> "Subtree CX index (" + department + " and below)";
            case "INDIVIDUAL" -> "Individual results (sales and productivity)";
            case "POOL_PRORATION" -> "Pool budget proration";
            default -> component;
        };
    }

    /** The trail entries that decided a component: the weighing rule names it first in its words. */
    private static List<TrailLine> decidedBy(String component, List<TrailLine> trail) {
        return trail.stream().filter(t -> t.decision().startsWith(component + ":")
                || component.equals("INDIVIDUAL") && t.ruleName().toLowerCase().contains("individual")
                || component.equals("INDIVIDUAL") && t.ruleName().toLowerCase().contains("performance row")
                || component.equals("POOL_PRORATION") && t.ruleName().toLowerCase().contains("pool")).toList();
    }

    private ScorecardView.Individual individual(long runId, String employeeId) {
        return jdbc.query("SELECT sales_attainment_pct, productivity_pct FROM in_performance WHERE run_id = ? AND employee_id = ?",
                (rs, i) -> new ScorecardView.Individual(rs.getBigDecimal(1), rs.getBigDecimal(2),
                        "sales " + Formats.fourPlaces(rs.getBigDecimal(1)) + " %, productivity "
                                + Formats.fourPlaces(rs.getBigDecimal(2)) + " %"), runId, employeeId)
                .stream().findFirst()
                .orElse(new ScorecardView.Individual(null, null, "no row in performance.csv: individual attainment 0 (flagged)"));
    }

    private ScorecardView.Gate gate(long runId, Workforce.Member employee, List<TrailLine> trail) {
        BigDecimal npsAttainment = jdbc.query("SELECT attainment FROM metric_attainment WHERE run_id = ? AND scope = 'COMPANY'"
                + " AND metric = 'NPS'", (rs, i) -> rs.getBigDecimal(1), runId).stream().findFirst().orElse(null);
        boolean applies = "EXECUTIVE".equals(employee.role());
        boolean closed = trail.stream().anyMatch(t -> t.ruleName().equals(GATE_RULE));
        String attains = "company NPS attains " + Formats.fourPlaces(npsAttainment);
        String reading = !applies ? "The customer gate applies to executives only (" + attains + ")."
                : closed ? "Customer gate CLOSED: " + attains + ", so the amount is 0.00 (the score is kept and shown)."
                : "Customer gate open: " + attains + ", above 0, so the executive is paid.";
        return new ScorecardView.Gate(npsAttainment, applies, closed, reading);
    }
}
