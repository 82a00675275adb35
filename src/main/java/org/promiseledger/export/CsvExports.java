package org.promiseledger.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.promiseledger.ingest.StagedInputs;
import org.promiseledger.kernel.CodePoints;
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

    CsvExports(RunRegistry runs, DepartmentMetricStore metrics, JdbcTemplate jdbc, StagedInputs staged) {
        this.staged = staged;
        this.runs = runs;
        this.metrics = metrics;
        this.jdbc = jdbc;
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
        record Row(String employeeId, String role, String departmentId, BigDecimal targetBonus, BigDecimal score,
                BigDecimal amount, String version) {
        }
        List<Row> rows = jdbc.query("SELECT employee_id, role, department_id, target_bonus, score, amount, rule_set_version"
                + " FROM payout WHERE run_id = ?", (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7)), run.runId())
                .stream().sorted(Comparator.comparing(Row::employeeId, CodePoints.ORDER)).toList();
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.create(out, "period", "employee_id", "role", "department_id", "target_bonus", "score",
                "amount", "rule_set_version", "run_id")) {
            for (Row r : rows) {
                csv.row(period, r.employeeId(), r.role(), r.departmentId(), money(r.targetBonus()), four(r.score()),
                        money(r.amount()), RuleSetFolder.shortVersion(r.version()), run.runId());
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
