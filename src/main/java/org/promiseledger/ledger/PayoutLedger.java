package org.promiseledger.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.promiseledger.kernel.LoadData;
import org.promiseledger.ledger.internal.LedgerChains;
import org.promiseledger.scoring.PlanDecision;
import org.promiseledger.scoring.RuleTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The append-only payout ledger: payout, payout_line, rule_trail and payout_decision. There is no update or delete path here;
 * a correction is a new row. Rows of a run are written in one transaction, in a fixed order (the scope trail,
 * then each employee by id: payout, lines, trail, decisions), each chained to the previous row of its table.
 */
@Repository
public class PayoutLedger {

    private final JdbcTemplate jdbc;
    private final LedgerChains chains;
    private final Clock clock;
    private final LoadData loadData;

    PayoutLedger(JdbcTemplate jdbc, LedgerChains chains, Clock clock, LoadData loadData) {
        this.jdbc = jdbc;
        this.loadData = loadData;
        this.chains = chains;
        this.clock = clock;
    }

    /** A payout as booked: the amount is final (after any pool proration). */
    public record PayoutRow(String employeeId, String role, String departmentId, BigDecimal baseSalary, BigDecimal targetBonus,
            BigDecimal score, BigDecimal amount, List<LineRow> lines, List<RuleTrail.Entry> trail, List<DecisionRow> decisions) {

        public PayoutRow {
            decisions = decisions == null ? List.of() : decisions;
        }

        public PayoutRow(String employeeId, String role, String departmentId, BigDecimal baseSalary, BigDecimal targetBonus,
                BigDecimal score, BigDecimal amount, List<LineRow> lines, List<RuleTrail.Entry> trail) {
            this(employeeId, role, departmentId, baseSalary, targetBonus, score, amount, lines, trail, List.of());
        }
    }

    /**
     * A decision of the plan about the payout, as booked in payout_decision.
     *
     * @param segmentFrom the first day of the segment it is about, or null for the whole quarter
     */
    public record DecisionRow(java.time.LocalDate segmentFrom, PlanDecision decision) {

        /** A scored payout's decisions: the whole quarter's, or each segment's in date order, tagged with its first day. */
        public static List<DecisionRow> of(org.promiseledger.scoring.ScoredPayout p) {
            List<DecisionRow> rows = new ArrayList<>();
            p.decisions().forEach(d -> rows.add(new DecisionRow(null, d)));
            p.segments().stream().sorted(java.util.Comparator.comparing(s -> s.segment().from()))
                    .forEach(s -> s.decisions().forEach(d -> rows.add(new DecisionRow(s.segment().from(), d))));
            return rows;
        }
    }

    /** @param segment the segment of the quarter the line belongs to, or null for an employee paid on one whole quarter */
    public record LineRow(String component, BigDecimal weight, BigDecimal attainment, BigDecimal contribution,
            SegmentTag segment) {

        public LineRow(String component, BigDecimal weight, BigDecimal attainment, BigDecimal contribution) {
            this(component, weight, attainment, contribution, null);
        }
    }

    /** Which segment of an employee's quarter a line belongs to: its dates, days of D, department, role, target bonus. */
    public record SegmentTag(java.time.LocalDate from, java.time.LocalDate to, int days, int quarterDays, String departmentId,
            String role, BigDecimal targetBonus) {
    }

    public record RunStamp(long runId, String period, String currency, String ruleSetVersion, String inputFingerprint) {
    }

    private static final List<String> PAYOUT_COLUMNS = List.of("run_id", "period", "employee_id", "role", "department_id",
            "base_salary", "target_bonus", "score", "amount", "currency", "rule_set_version", "input_fingerprint", "created_at",
            "prev_hash", "row_hash");
    private static final List<String> LINE_COLUMNS = List.of("run_id", "period", "employee_id", "seq", "component", "weight",
            "attainment", "contribution", "segment_from", "segment_to", "segment_days", "quarter_days", "segment_department_id",
            "segment_role", "segment_target_bonus", "created_at", "prev_hash", "row_hash");
    private static final List<String> TRAIL_COLUMNS = List.of("run_id", "period", "subject", "seq", "rule_name", "decision",
            "created_at", "prev_hash", "row_hash");
    private static final List<String> DECISION_COLUMNS = List.of("run_id", "period", "employee_id", "segment_from", "seq", "kind",
            "applies", "outcome", "measure", "decided_value", "rule_name", "created_at", "prev_hash", "row_hash");
    /** Rows sent at once: big enough to be fast, small enough that a 20,000-employee run stays in a small heap. */
    private static final int BATCH = 20_000;

    /** Appends a run's payouts (already in employee-id order) and the scope trail, inside the caller's transaction. */
    public void append(RunStamp run, List<RuleTrail.Entry> scopeTrail, List<PayoutRow> payouts) {
        chains.lock();
        Timestamp now = Timestamp.from(clock.instant());
        HashChain payoutChain = chains.continueChain(LedgerTable.PAYOUT);
        HashChain lineChain = chains.continueChain(LedgerTable.PAYOUT_LINE);
        HashChain trailChain = chains.continueChain(LedgerTable.RULE_TRAIL);
        HashChain decisionChain = chains.continueChain(LedgerTable.PAYOUT_DECISION);
        try (BackgroundLoads loads = loadData.available() ? new BackgroundLoads(jdbc) : null) {
            append(run, scopeTrail, payouts, now, new Chains(payoutChain, lineChain, trailChain, decisionChain), loads);
        }
    }

    /** The four tables' chains of one booking. */
    private record Chains(HashChain payout, HashChain line, HashChain trail, HashChain decision) {
    }

    private void append(RunStamp run, List<RuleTrail.Entry> scopeTrail, List<PayoutRow> payouts, Timestamp now,
            Chains chained, BackgroundLoads loads) {
        HashChain payoutChain = chained.payout();
        HashChain lineChain = chained.line();
        HashChain trailChain = chained.trail();
        HashChain decisionChain = chained.decision();
        Batch payoutRows = new Batch("payout", PAYOUT_COLUMNS, loads);
        Batch lineRows = new Batch("payout_line", LINE_COLUMNS, loads);
        Batch trailRows = new Batch("rule_trail", TRAIL_COLUMNS, loads);
        Batch decisionRows = new Batch("payout_decision", DECISION_COLUMNS, loads);
        addTrail(run, scopeTrail, trailChain, trailRows, now);
        for (PayoutRow p : payouts) {
            String whose = p.employeeId();
            BigDecimal base = ColumnFit.BASE_SALARY.fit(p.baseSalary(), RoundingMode.UNNECESSARY, whose, null, null);
            // a whole-quarter target bonus is exact at 18 places; a sum of pro-rata segments is rounded there
            BigDecimal targetBonus = ColumnFit.TARGET_BONUS.fit(p.targetBonus(), RoundingMode.HALF_EVEN, whose, null, null);
            BigDecimal score = ColumnFit.SCORE.fit(p.score(), RoundingMode.HALF_EVEN, whose, null, null);
            BigDecimal amount = ColumnFit.AMOUNT.fit(p.amount(), RoundingMode.UNNECESSARY, whose, null, null);
            HashChain.Link link = payoutChain.link(run.period(), p.employeeId(), p.role(), p.departmentId(), base, targetBonus,
                    score, amount, run.currency(), run.ruleSetVersion(), run.inputFingerprint());
            payoutRows.add(run.runId(), run.period(), p.employeeId(), p.role(), p.departmentId(), base, targetBonus, score, amount,
                    run.currency(), run.ruleSetVersion(), run.inputFingerprint(), now, link.previousHash(), link.rowHash());
            int seq = 0;
            for (LineRow line : p.lines()) {
                seq++;
                // labels are built only for a refusal: this loop runs for every payout line
                String component = line.component();
                BigDecimal weight = ColumnFit.LINE_WEIGHT.fit(line.weight(), RoundingMode.HALF_EVEN, whose, ", line ",
                        component);
                BigDecimal attainment = ColumnFit.LINE_ATTAINMENT.fit(line.attainment(), RoundingMode.HALF_EVEN, whose,
                        ", line ", component);
                BigDecimal contribution = ColumnFit.LINE_CONTRIBUTION.fit(line.contribution(), RoundingMode.HALF_EVEN, whose,
                        ", line ", component);
                SegmentTag s = line.segment();
                Object[] segment = s == null ? new Object[7] : new Object[] {s.from().toString(), s.to().toString(), s.days(),
                        s.quarterDays(), s.departmentId(), s.role(),
                        ColumnFit.SEGMENT_TARGET_BONUS.fit(s.targetBonus(), RoundingMode.HALF_EVEN, whose, ", line ",
                                component)};
                HashChain.Link lineLink = lineChain.link(run.period(), p.employeeId(), seq, line.component(), weight,
                        attainment, contribution, segment[0], segment[1], segment[2], segment[3], segment[4], segment[5],
                        segment[6]);
                lineRows.add(run.runId(), run.period(), p.employeeId(), seq, line.component(), weight, attainment, contribution,
                        segment[0], segment[1], segment[2], segment[3], segment[4], segment[5], segment[6],
                        now, lineLink.previousHash(), lineLink.rowHash());
            }
            addTrail(run, p.trail(), trailChain, trailRows, now);
            addDecisions(run, p, decisionChain, decisionRows, now);
        }
        payoutRows.flush();
        if (loads != null) {
            loads.awaitAll();
        }
        DebugPause.at("writing");
        lineRows.flush();
        trailRows.flush();
        decisionRows.flush();
        if (loads != null) {
            loads.awaitAll();
        }
    }

    private static void addDecisions(RunStamp run, PayoutRow p, HashChain chain, Batch rows, Timestamp now) {
        int seq = 0;
        for (DecisionRow row : p.decisions()) {
            seq++;
            PlanDecision d = row.decision();
            String from = row.segmentFrom() == null ? null : row.segmentFrom().toString();
            BigDecimal value = ColumnFit.DECIDED_VALUE.fit(d.value(), RoundingMode.HALF_EVEN, p.employeeId(), ", decision ",
                    d.kind());
            int applies = d.applies() ? 1 : 0;
            String outcome = clip(d.outcome(), 100);
            String measure = clip(d.measure(), 255);
            String ruleName = clip(d.ruleName(), 255);
            HashChain.Link link = chain.link(run.period(), p.employeeId(), from, seq, d.kind(), applies, outcome, measure, value,
                    ruleName);
            rows.add(run.runId(), run.period(), p.employeeId(), from, seq, d.kind(), applies, outcome, measure, value, ruleName,
                    now, link.previousHash(), link.rowHash());
        }
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }

    /**
     * Rows of one table, sent in batches as they come, so a large run never holds all its rows at once: loaded with
     * LOAD DATA on MySQL/MariaDB (see {@link LoadData}; same transaction, same order, so the same ids and chains) by
     * {@link BackgroundLoads} while the next rows are hashed, batched INSERTs elsewhere.
     */
    private final class Batch {
        private final String table;
        private final List<String> columns;
        private final BackgroundLoads loads;
        private final String sql;
        private List<Object[]> rows = new ArrayList<>();

        Batch(String table, List<String> columns, BackgroundLoads loads) {
            this.table = table;
            this.columns = columns;
            this.loads = loads;
            this.sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        }

        void add(Object... row) {
            rows.add(row);
            if (rows.size() == BATCH) {
                flush();
            }
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            if (loads != null) {
                loads.load(table, columns, rows);
                rows = new ArrayList<>();
            } else {
                jdbc.batchUpdate(sql, rows);
                rows.clear();
            }
        }
    }

    private static void addTrail(RunStamp run, List<RuleTrail.Entry> entries, HashChain chain, Batch rows, Timestamp now) {
        int seq = 0;
        for (RuleTrail.Entry e : entries) {
            seq++;
            String decision = e.decision().length() > 1000 ? e.decision().substring(0, 997) + "..." : e.decision();
            HashChain.Link link = chain.link(run.period(), e.subject(), seq, e.ruleName(), decision);
            rows.add(run.runId(), run.period(), e.subject(), seq, e.ruleName(), decision, now, link.previousHash(), link.rowHash());
        }
    }
}
