package org.promiseledger.integrity;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;

import org.promiseledger.export.CsvExports;
import org.promiseledger.export.SpreadsheetSafeCsv;
import org.promiseledger.integrity.internal.IntegritySignalStore;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.springframework.stereotype.Service;

/**
 * {@code export integrity}: the signals of the period's latest run, by touchpoint id then signal, as
 * {@code period,touchpoint_id,department_id,signal,statistic,p_value,detail}. The statistic is written to 4 places,
 * the p-value to 6 (HALF_EVEN; empty for REPEAT_RESPONDENTS, which has no test). Text cells that a spreadsheet would
 * take for a formula get a leading apostrophe.
 */
@Service
public class IntegrityExport {

    private final RunRegistry runs;
    private final IntegritySignalStore signals;

    IntegrityExport(RunRegistry runs, IntegritySignalStore signals) {
        this.runs = runs;
        this.signals = signals;
    }

    public CsvExports.Exported export(Period period, Path out) throws IOException {
        QuarterlyRunRecord run = runs.latest(period)
                .orElseThrow(() -> new IllegalStateException("no run of " + period + " yet: run it first"));
        List<Finding> rows = signals.signalsOf(run.runId());
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.create(out,
                "period", "touchpoint_id", "department_id", "signal", "statistic", "p_value", "detail")) {
            for (Finding f : rows) {
                csv.row(period.toString(), f.touchpointId(), f.departmentId(), f.signal(), scaled(f.statistic(), 4),
                        f.pValue() == null ? null : scaled(f.pValue(), 6), f.detail());
            }
        }
        return new CsvExports.Exported(run.runId(), rows.size());
    }

    static String statistic(BigDecimal value) {
        return scaled(value, 4).toPlainString();
    }

    static String pValue(BigDecimal value) {
        return value == null ? "" : scaled(value, 6).toPlainString();
    }

    private static BigDecimal scaled(BigDecimal value, int places) {
        return value.setScale(places, RoundingMode.HALF_EVEN);
    }
}
