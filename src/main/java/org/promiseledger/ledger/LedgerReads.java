package org.promiseledger.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.promiseledger.kernel.CodePoints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of the ledger for callers that show it row by row (the REST API): a run's payouts, a period's adjustments. */
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

    /** The adjustments booked for a period (every period when null), in booking order. */
    public List<Adjustment> adjustments(String period) {
        String where = period == null ? "" : " WHERE period = ?";
        Object[] args = period == null ? new Object[0] : new Object[] {period};
        return jdbc.query("SELECT id, period, employee_id, amount, reason, booked_by, booked_at, run_id FROM adjustment" + where
                + " ORDER BY id", (rs, i) -> new Adjustment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getLong(8)), args);
    }
}
