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
        record Booked(ScorecardView.ComponentLine line, String departmentId, java.sql.Date to, int days, int quarterDays,
                String role, BigDecimal targetBonus) {
        }
        List<Booked> booked = jdbc.query("SELECT seq, component, weight, attainment, contribution, segment_from, segment_to,"
                + " segment_days, quarter_days, segment_department_id, segment_role, segment_target_bonus"
                + " FROM payout_line WHERE run_id = ? AND employee_id = ? ORDER BY seq", (rs, i) -> {
                    String component = rs.getString(2);
                    java.sql.Date from = rs.getDate(6);
                    String department = from == null ? employee.departmentId() : rs.getString(10);
                    String label = label(component, department, workforce) + (from == null ? "" : ", " + from + " to " + rs.getDate(7));
                    List<TrailLine> decidedBy = decidedBy(component, from == null ? trail : segmentTrail(trail, from, rs.getDate(7)));
                    return new Booked(new ScorecardView.ComponentLine(rs.getInt(1), component, label, rs.getBigDecimal(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5), decidedBy, from == null ? null : from.toLocalDate()),
                            department, rs.getDate(7), rs.getInt(8), rs.getInt(9), rs.getString(11), rs.getBigDecimal(12));
                }, runId, employeeId);
        List<ScorecardView.ComponentLine> components = booked.stream().filter(b -> b.line().segmentFrom() == null)
                .map(Booked::line).toList();
        List<ScorecardView.Segment> segments = new ArrayList<>();
        List<ScorecardView.ComponentLine> segmentLines = new ArrayList<>();
        for (Booked b : booked) {
            if (b.line().segmentFrom() == null) {
                continue;
            }
            if (!b.line().component().equals("SEGMENT")) {
                segmentLines.add(b.line());
                continue;
            }
            boolean gated = segmentTrail(trail, java.sql.Date.valueOf(b.line().segmentFrom()), b.to()).stream()
                    .anyMatch(t -> t.ruleName().equals(GATE_RULE));
            segments.add(new ScorecardView.Segment(b.line().segmentFrom(), b.to().toLocalDate(), b.days(), b.quarterDays(),
                    b.departmentId(), workforce.departmentName(b.departmentId()), b.role(), b.targetBonus(), b.line().attainment(),
                    b.line().contribution(), gated, List.copyOf(segmentLines)));
            segmentLines.clear();
        }
        Long previousRunId = periods.run(period.previous()).map(QuarterlyRunRecord::runId).orElse(null);
        List<ScopeCard> cards = new ArrayList<>();
        java.util.Set<ScopeRef> shown = new java.util.HashSet<>();
        for (Booked b : booked) {
            scopeOf(b.line().component(), b.departmentId()).filter(shown::add)
                    .ifPresent(ref -> cards.add(scopes.read(runId, ref, workforce, previousRunId)));
        }
        List<ScorecardView.AdjustmentLine> adjustments = jdbc.query("SELECT amount, reason, booked_by, booked_at FROM adjustment"
                + " WHERE period = ? AND employee_id = ? ORDER BY id", (rs, i) -> new ScorecardView.AdjustmentLine(
                        rs.getBigDecimal(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()),
                period.toString(), employeeId);
        BigDecimal net = adjustments.stream().map(ScorecardView.AdjustmentLine::amount)
                .reduce(payout.get().amount(), BigDecimal::add);
        return Optional.of(new ScorecardView(period, run, employee, workforce.departmentName(employee.departmentId()),
                payout.get(), components, individual(runId, employeeId), gate(runId, employee, trail, segments), cards, trail,
                adjustments, net, segments));
    }

    private static Optional<ScopeRef> scopeOf(String component, String departmentId) {
        return switch (component) {
            case "COMPANY_CX" -> Optional.of(ScopeRef.COMPANY);
            case "DEPARTMENT_CX" -> Optional.of(ScopeRef.department(departmentId));
            case "SUBTREE_CX" -> Optional.of(ScopeRef.subtree(departmentId));
            default -> Optional.empty();
        };
    }

    /** The trail entries of one segment: scoring notes each with the segment's dates in front. */
    private static List<TrailLine> segmentTrail(List<TrailLine> trail, java.sql.Date from, java.sql.Date to) {
        String prefix = from + ".." + to + ": ";
        return trail.stream().filter(t -> t.decision().startsWith(prefix))
                .map(t -> new TrailLine(t.subject(), t.ruleName(), t.decision().substring(prefix.length()))).toList();
    }

    private static String label(String component, String departmentId, Workforce workforce) {
        String department = departmentId + " " + workforce.departmentName(departmentId);
        return switch (component) {
            case "COMPANY_CX" -> "Company CX index";
            case "DEPARTMENT_CX" -> "Department CX index (" + department + ")";
            case "SUBTREE_CX" -> "Subtree CX index (" + department + " and below)";
            case "INDIVIDUAL" -> "Individual results (sales and productivity)";
            case "POOL_PRORATION" -> "Pool budget proration";
            case "SEGMENT" -> "Segment amount";
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

    private ScorecardView.Gate gate(long runId, Workforce.Member employee, List<TrailLine> trail, List<ScorecardView.Segment> segments) {
        BigDecimal npsAttainment = scopes.companyAttainment(runId, "NPS");
        boolean applies = "EXECUTIVE".equals(employee.role()) || segments.stream().anyMatch(s -> "EXECUTIVE".equals(s.role()));
        boolean closed = trail.stream().anyMatch(t -> t.ruleName().equals(GATE_RULE));
        String attains = "company NPS attains " + Formats.fourPlaces(npsAttainment);
        String reading = !applies ? "The customer gate applies to executives only (" + attains + ")."
                : closed && !segments.isEmpty() ? "Customer gate CLOSED: " + attains
                        + ", so every executive segment of the quarter is paid 0 (its score is kept and shown); other segments are paid."
                : closed ? "Customer gate CLOSED: " + attains + ", so the amount is 0.00 (the score is kept and shown)."
                : "Customer gate open: " + attains + ", above 0, so the executive is paid.";
        return new ScorecardView.Gate(npsAttainment, applies, closed, reading);
    }
}
