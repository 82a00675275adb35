package org.promiseledger.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.promiseledger.kernel.CodePoints;
import org.promiseledger.ledger.internal.LedgerChains;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Adjustments and clawbacks: new ledger rows, chained like payouts, added to the next payroll export. */
@Repository
public class Adjustments {

    private final JdbcTemplate jdbc;
    private final LedgerChains chains;
    private final AuditLog audit;
    private final Clock clock;

    Adjustments(JdbcTemplate jdbc, LedgerChains chains, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.chains = chains;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Books one adjustment row (amount in the currency's cents, scale 2; negative is a clawback) and its ADJUST audit
     * entry, in one transaction.
     */
    @Transactional
    public void book(String period, String employeeId, BigDecimal amount, String reason, String bookedBy, long runId) {
        chains.lock();
        HashChain chain = chains.continueChain(LedgerTable.ADJUSTMENT);
        HashChain.Link link = chain.link(period, employeeId, amount, reason, bookedBy);
        jdbc.update("INSERT INTO adjustment (period, employee_id, amount, reason, booked_by, run_id, booked_at, prev_hash, row_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", period, employeeId, amount, reason, bookedBy, runId,
                Timestamp.from(clock.instant()), link.previousHash(), link.rowHash());
        audit.record(bookedBy, "ADJUST", period, runId, employeeId + " " + amount.toPlainString() + ": " + reason);
    }

    /** The sum of the adjustments booked so far for each employee of the period. */
    public Map<String, BigDecimal> totalsOf(String period) {
        Map<String, BigDecimal> totals = new TreeMap<>(CodePoints.ORDER);
        jdbc.query("SELECT employee_id, amount FROM adjustment WHERE period = ?", rs -> {
            totals.merge(rs.getString(1), rs.getBigDecimal(2), BigDecimal::add);
        }, period);
        return totals;
    }

    public List<String> lines(String period) {
        return jdbc.query("SELECT employee_id, amount, reason, booked_by FROM adjustment WHERE period = ? ORDER BY id",
                (rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString() + " by " + rs.getString(4) + ": "
                        + rs.getString(3), period);
    }
}
