package org.promiseledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.promiseledger.kernel.CodePoints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads of the ledger (payout, payout_line, rule_trail, payout_decision, adjustment) for the features that show it:
 * pages, statements, exports, the REST API. ledger/ owns these tables; other features read them through here.
 */
@Repository
public class LedgerReads {

    /** A payout as the payouts export lists it. */
    public record Payout(String period, String employeeId, String role, String departmentId, BigDecimal targetBonus,
            BigDecimal score, BigDecimal amount, String currency, String ruleSetVersion, long runId) {
    }

    /** An adjustment (positive) or clawback (negative), as booked. */
    public record Adjustment(long id, String period, String employeeId, BigDecimal amount, String reason, String bookedBy,
            Instant bookedAt, long runId) {
    }

    /** One employee's payout row as booked: role and pay facts, score, final amount. */
    public record BookedPayout(String employeeId, String role, String departmentId, BigDecimal baseSalary,
            BigDecimal targetBonus, BigDecimal score, BigDecimal amount, String currency, String ruleSetVersion) {
    }

    /**
     * A payout_line: weight × attainment = contribution; the segment columns are null for a whole-quarter line.
     */
    public record Line(int seq, String component, BigDecimal weight, BigDecimal attainment, BigDecimal contribution,
            LocalDate segmentFrom, LocalDate segmentTo, int segmentDays, int quarterDays, String segmentDepartmentId,
            String segmentRole, BigDecimal segmentTargetBonus) {
    }

    /** A rule_trail entry: the subject (e.g. "EMPLOYEE E1", "COMPANY"), the rule's name and its words, in booking order. */
    public record Trail(String subject, String ruleName, String decision) {
    }

    /**
     * A payout_decision row: what the rules decided, as data (see {@link org.promiseledger.scoring.PlanDecision}).
     *
     * @param segmentFrom the first day of the segment it is about; null for the whole quarter
     */
    public record Decision(String employeeId, LocalDate segmentFrom, int seq, String kind, boolean applies, String outcome,
            String measure, BigDecimal value, String ruleName) {
    }

    private final JdbcTemplate jdbc;

    LedgerReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The run's payouts by employee_id in code-point order, as every export orders them. */
    public List<Payout> payoutsOf(long runId) {
        return jdbc.query("SELECT period, employee_id, role, department_id, target_bonus, score, amount, currency,"
                + " rule_set_version, run_id FROM payout WHERE run_id = ?", (rs, i) -> new Payout(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        rs.getString(8), rs.getString(9), rs.getLong(10)), runId)
                .stream().sorted(Comparator.comparing(Payout::employeeId, CodePoints.ORDER)).toList();
    }

    /** One employee's payout in the run, if the run booked one. */
    public Optional<BookedPayout> payout(long runId, String employeeId) {
        return jdbc.query("SELECT employee_id, role, department_id, base_salary, target_bonus, score, amount, currency,"
                + " rule_set_version FROM payout WHERE run_id = ? AND employee_id = ?", (rs, i) -> new BookedPayout(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9)), runId, employeeId)
                .stream().findFirst();
    }

    /** One employee's payout lines in the run, in booking (seq) order. */
    public List<Line> lines(long runId, String employeeId) {
        return jdbc.query("SELECT seq, component, weight, attainment, contribution, segment_from, segment_to, segment_days,"
                + " quarter_days, segment_department_id, segment_role, segment_target_bonus FROM payout_line"
                + " WHERE run_id = ? AND employee_id = ? ORDER BY seq", (rs, i) -> new Line(rs.getInt(1), rs.getString(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5), localDate(rs.getDate(6)),
                        localDate(rs.getDate(7)), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11),
                        rs.getBigDecimal(12)), runId, employeeId);
    }

    /** The run's trail about one subject ("EMPLOYEE E1", "COMPANY", "DEPARTMENT D1"...), in booking order. */
    public List<Trail> trail(long runId, String subject) {
        return jdbc.query("SELECT subject, rule_name, decision FROM rule_trail WHERE run_id = ? AND subject = ? ORDER BY id",
                (rs, i) -> new Trail(rs.getString(1), rs.getString(2), rs.getString(3)), runId, subject);
    }

    /** One employee's booked decisions in the run, in booking order (whole quarter, then each segment by date). */
    public List<Decision> decisions(long runId, String employeeId) {
        return jdbc.query(DECISIONS + " WHERE run_id = ? AND employee_id = ? ORDER BY id", DecisionsMapper.ROW, runId, employeeId);
    }

    /** Every booked decision of the run, by employee_id in code-point order, then booking order. */
    public List<Decision> decisionsOf(long runId) {
        return jdbc.query(DECISIONS + " WHERE run_id = ? ORDER BY id", DecisionsMapper.ROW, runId).stream()
                .sorted(Comparator.comparing(Decision::employeeId, CodePoints.ORDER)).toList();
    }

    /** The names of the rules in each employee's trail in the run, by employee_id (subject "EMPLOYEE id"). */
    public java.util.Map<String, java.util.Set<String>> employeeRuleNames(long runId) {
        java.util.Map<String, java.util.Set<String>> names = new java.util.HashMap<>();
        jdbc.query("SELECT subject, rule_name FROM rule_trail WHERE run_id = ? AND subject LIKE 'EMPLOYEE %'", rs -> {
            names.computeIfAbsent(rs.getString(1).substring("EMPLOYEE ".length()), k -> new java.util.TreeSet<>())
                    .add(rs.getString(2));
        }, runId);
        return names;
    }

    /** How many payouts a run booked, their total and how many are 0.00; total 0.00 for none. */
    public record RunTotal(long payouts, BigDecimal total, long paidZero) {
    }

    private static final String TOTALS = "COUNT(*), SUM(amount), SUM(CASE WHEN amount = 0 THEN 1 ELSE 0 END)";

    private static RunTotal total(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        BigDecimal sum = rs.getBigDecimal(first + 1);
        return new RunTotal(rs.getLong(first), sum == null ? BigDecimal.ZERO.setScale(2) : sum.setScale(2,
                java.math.RoundingMode.UNNECESSARY), rs.getLong(first + 2));
    }

    /** The run's payouts counted and added up. */
    public RunTotal totalOf(long runId) {
        return jdbc.queryForObject("SELECT " + TOTALS + " FROM payout WHERE run_id = ?", (rs, i) -> total(rs, 1), runId);
    }

    /** Every run's payouts counted and added up, by run id (runs without payouts absent). */
    public java.util.Map<Long, RunTotal> totalsByRun() {
        java.util.Map<Long, RunTotal> totals = new java.util.HashMap<>();
        jdbc.query("SELECT run_id, " + TOTALS + " FROM payout GROUP BY run_id", rs -> {
            totals.put(rs.getLong(1), total(rs, 2));
        });
        return totals;
    }

    /** The run's payouts counted and added up per role as paid (roles without payouts absent). */
    public java.util.Map<String, RunTotal> totalsByRole(long runId) {
        java.util.Map<String, RunTotal> totals = new java.util.HashMap<>();
        jdbc.query("SELECT role, " + TOTALS + " FROM payout WHERE run_id = ? GROUP BY role", rs -> {
            totals.put(rs.getString(1), total(rs, 2));
        }, runId);
        return totals;
    }

    /** A SEGMENT line of an employee paid on segments, with the employee's payout amount. */
    public record SegmentLine(String employeeId, LocalDate from, LocalDate to, int days, int quarterDays, String departmentId,
            String role, BigDecimal exactAmount, BigDecimal paid) {
    }

    /** The run's SEGMENT lines, by employee_id then seq (the segments' date order). */
    public List<SegmentLine> segmentLines(long runId) {
        return jdbc.query("SELECT l.employee_id, l.segment_from, l.segment_to, l.segment_days, l.quarter_days,"
                + " l.segment_department_id, l.segment_role, l.contribution, p.amount FROM payout_line l JOIN payout p"
                + " ON p.run_id = l.run_id AND p.employee_id = l.employee_id WHERE l.run_id = ? AND l.component = 'SEGMENT'"
                + " ORDER BY l.employee_id, l.seq", (rs, i) -> new SegmentLine(rs.getString(1), localDate(rs.getDate(2)),
                        localDate(rs.getDate(3)), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9)), runId);
    }

    private static final String DECISIONS = "SELECT employee_id, segment_from, seq, kind, applies, outcome, measure,"
            + " decided_value, rule_name FROM payout_decision";

    private static final class DecisionsMapper {
        static final org.springframework.jdbc.core.RowMapper<Decision> ROW = (rs, i) -> new Decision(rs.getString(1),
                localDate(rs.getDate(2)), rs.getInt(3), rs.getString(4), rs.getInt(5) != 0, rs.getString(6), rs.getString(7),
                rs.getBigDecimal(8), rs.getString(9));
    }

    private static LocalDate localDate(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** One employee's adjustments of a period, in booking order. */
    public List<Adjustment> adjustments(String period, String employeeId) {
        return adjustments(period).stream().filter(a -> a.employeeId().equals(employeeId)).toList();
    }

    /** Whether the run booked a payout for the employee. */
    public boolean hasPayout(long runId, String employeeId) {
        return payout(runId, employeeId).isPresent();
    }

    /** The adjustments booked for a period (every period when null), in booking order. */
    public List<Adjustment> adjustments(String period) {
        String where = period == null ? "" : " WHERE period = ?";
        Object[] args = period == null ? new Object[0] : new Object[] {period};
        return jdbc.query("SELECT id, period, employee_id, amount, reason, booked_by, booked_at, run_id FROM adjustment" + where
                + " ORDER BY id", (rs, i) -> new Adjustment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getLong(8)), args);
    }
}
