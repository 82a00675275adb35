package org.promiseledger.integrity;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.promiseledger.export.CsvExports;
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

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

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
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8); CSVPrinter csv = new CSVPrinter(writer, FORMAT)) {
            csv.printRecord("period", "touchpoint_id", "department_id", "signal", "statistic", "p_value", "detail");
            for (Finding f : rows) {
                csv.printRecord(period, safe(f.touchpointId()), safe(f.departmentId()), f.signal(), statistic(f.statistic()),
                        pValue(f.pValue()), safe(f.detail()));
            }
        }
        return new CsvExports.Exported(run.runId(), rows.size());
    }

    static String statistic(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String pValue(BigDecimal value) {
        return value == null ? "" : value.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** OWASP's advice against CSV injection: a text starting with = + - @ tab or CR is written with a leading '. */
    static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }
}
