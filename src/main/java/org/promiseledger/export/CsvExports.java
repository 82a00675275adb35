package org.promiseledger.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.promiseledger.ingest.StagedInputs;
import org.promiseledger.kernel.CodePoints;
import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.metrics.DepartmentMetric;
import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The CSV exports of docs/semantics.md: metrics and rejects of the period's latest run, payouts of its latest calculated
 * run, written through {@link SpreadsheetSafeCsv}. Decimals with a dot: metric values and scores to 4 places, money to 2, HALF_EVEN.
 */
@Service
public class CsvExports {

    private final RunRegistry runs;
    private final DepartmentMetricStore metrics;
    private final JdbcTemplate jdbc;
    private final StagedInputs staged;
    private final LedgerReads ledger;

    CsvExports(RunRegistry runs, DepartmentMetricStore metrics, JdbcTemplate jdbc, StagedInputs staged, LedgerReads ledger) {
        this.staged = staged;
        this.runs = runs;
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** @return the run exported and the number of rows */
    public Exported metrics(Period period, Path out) throws IOException {
        QuarterlyRunRecord run = runs.latest(period).orElseThrow(() -> noRun(period));
        List<DepartmentMetric> rows = metrics.metricsOf(run.runId());
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.create(out, "period", "scope", "department_id", "metric", "value", "sample_size", "status")) {
            for (DepartmentMetric m : rows) {
                csv.row(period, m.scope().kind(), m.scope().departmentId(), m.metric(), four(m.value()),
                        m.sampleSize(), m.status());
            }
        }
        return new Exported(run.runId(), rows.size());
    }

    public Exported payouts(Period period, Path out) throws IOException {
        QuarterlyRunRecord run = runs.latestCalculated(period).orElseThrow(() -> new IllegalStateException(
                "no calculated run of " + period + " (see the run's messages, or run it first)"));
        List<LedgerReads.Payout> rows = ledger.payoutsOf(run.runId());
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.create(out, "period", "employee_id", "role", "department_id", "target_bonus", "score",
                "amount", "rule_set_version", "run_id")) {
            for (LedgerReads.Payout r : rows) {
                csv.row(period, r.employeeId(), r.role(), r.departmentId(), money(r.targetBonus()), four(r.score()),
                        money(r.amount()), RuleSetFolder.shortVersion(r.ruleSetVersion()), run.runId());
            }
        }
        return new Exported(run.runId(), rows.size());
    }

    /**
     * What the rules decided about each payout of the period's latest calculated run, as booked in payout_decision:
     * period,employee_id,segment_from,kind,applies,outcome,measure,value,rule_name,run_id, by employee_id in code-point
     * order then booking order; value to 4 places (HALF_EVEN), empty when none.
     */
    public Exported decisions(Period period, Path out) throws IOException {
        QuarterlyRunRecord run = runs.latestCalculated(period).orElseThrow(() -> new IllegalStateException(
                "no calculated run of " + period + " (see the run's messages, or run it first)"));
        List<LedgerReads.Decision> rows = ledger.decisionsOf(run.runId());
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.create(out, "period", "employee_id", "segment_from", "kind", "applies",
                "outcome", "measure", "value", "rule_name", "run_id")) {
            for (LedgerReads.Decision d : rows) {
                csv.row(period, d.employeeId(), d.segmentFrom() == null ? "" : d.segmentFrom().toString(), d.kind(), d.applies(),
                        d.outcome() == null ? "" : d.outcome(), d.measure() == null ? "" : d.measure(),
                        d.value() == null ? "" : four(d.value()), d.ruleName() == null ? "" : d.ruleName(), run.runId());
            }
        }
        return new Exported(run.runId(), rows.size());
    }

    public Exported rejects(Period period, Path out) throws IOException {
        QuarterlyRunRecord run = runs.latest(period).orElseThrow(() -> noRun(period));
        List<Object[]> rows = staged.rejects(run.runId(), null, null, 0, Integer.MAX_VALUE).stream()
                .map(r -> new Object[] {r.fileName(), r.line(), r.column(), r.reason(), r.value() == null ? "" : r.value()})
                .toList();
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.create(out, "file", "line", "column", "reason", "value")) {
            for (Object[] r : rows) {
                csv.row(r);
            }
        }
        return new Exported(run.runId(), rows.size());
    }

    public record Exported(long runId, int rows) {
    }

    private static BigDecimal four(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static IllegalStateException noRun(Period period) {
        return new IllegalStateException("no run of " + period + " yet: run it first");
    }
}
