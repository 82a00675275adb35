package org.promiseledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.promiseledger.bench.internal.HeapSampler;
import org.promiseledger.bench.internal.LoadDataBaseline;
import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.ingest.FileCounts;
import org.promiseledger.ingest.InputCounts;
import org.promiseledger.ingest.InputFile;
import org.promiseledger.ingest.IngestSteps;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.StepTimings;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs the real quarterly job on a workload and measures it: per step wall time, rows per second and peak heap; and,
 * on MySQL/MariaDB, how our ingest compares with the database's own LOAD DATA of the same event files.
 */
@Component
public class Bench {

    /** The customer-impact files whose rows the bench counts and LOAD DATA loads. */
    static final List<InputFile> EVENT_FILES = List.of(InputFile.SURVEYS, InputFile.CONTACTS, InputFile.COMPLAINTS, InputFile.CHURN);

    private final QuarterlyRunner runner;
    private final JdbcTemplate jdbc;
    private final LedgerReads ledger;
    private final DataSourceProperties dataSource;
    private final StepTimings timings;

    Bench(QuarterlyRunner runner, JdbcTemplate jdbc, DataSourceProperties dataSource, StepTimings timings, LedgerReads ledger) {
        this.timings = timings;
        this.runner = runner;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.dataSource = dataSource;
    }

    public boolean onMySql() {
        return dataSource.getUrl() != null && dataSource.getUrl().startsWith("jdbc:mysql:");
    }

    public BenchReport run(Path data, Path rules, Period period, String user) throws Exception {
        long rows = EVENT_FILES.stream().mapToLong(f -> dataRows(data.resolve(f.fileName()))).sum();
        RunOutcome outcome;
        long started;
        long ended;
        try (HeapSampler heap = new HeapSampler(20)) {
            started = System.currentTimeMillis();
            outcome = runner.run(period, data, rules, user);
            ended = System.currentTimeMillis();
            if (!outcome.succeeded()) {
                return new BenchReport(List.of(), rows, (ended - started) / 1000.0, null, null, 0, heap.peak(),
                        outcome.exitCode(), outcome.messages());
            }
            List<BenchReport.StepFigures> steps = steps(outcome.runId(), heap);
            double ingest = steps.stream().filter(s -> EVENT_FILES.stream().anyMatch(f -> IngestSteps.stepName(f).equals(s.step())))
                    .mapToDouble(BenchReport.StepFigures::seconds).sum();
            // with workers, scoring is their partitions plus the booking here
            double scoring = steps.stream().filter(s -> s.step().equals("scoreEmployeesStep") || s.step().equals("scorePartitionsStep"))
                    .mapToDouble(BenchReport.StepFigures::seconds).sum();
            Double loadData = onMySql() ? new LoadDataBaseline(dataSource.getUrl(), dataSource.getUsername(), dataSource.getPassword())
                    .secondsToLoad(data, EVENT_FILES.stream().map(InputFile::fileName).toList(),
                            EVENT_FILES.stream().map(f -> columnCount(data.resolve(f.fileName()))).toList()) : null;
            return new BenchReport(steps, rows, (ended - started) / 1000.0, ingest, loadData, scoring,
                    heap.peakBetween(started, ended), 0, outcome.messages());
        }
    }

    private List<BenchReport.StepFigures> steps(long runId, HeapSampler heap) {
        Map<String, Long> rowsByStep = new HashMap<>();
        long eventRows = 0;
        long surveysAndContacts = 0;
        for (FileCounts counts : InputCounts.of(jdbc, runId)) {
            InputFile file = java.util.Arrays.stream(InputFile.values()).filter(f -> f.fileName().equals(counts.fileName()))
                    .findFirst().orElseThrow();
            rowsByStep.put(IngestSteps.stepName(file), counts.read());
            if (!file.isReference()) {
                eventRows += counts.accepted();
            }
            if (file == InputFile.SURVEYS || file == InputFile.CONTACTS) {
                surveysAndContacts += counts.accepted();
            }
        }
        rowsByStep.put("checkInputStep", rowsByStep.values().stream().mapToLong(Long::longValue).sum());
        rowsByStep.put("aggregateMetricsStep", eventRows);
        rowsByStep.put("aggregatePartitionsStep", eventRows);
        rowsByStep.put("detectIntegritySignalsStep", surveysAndContacts);
        rowsByStep.put("scoreEmployeesStep", ledger.totalOf(runId).payouts());
        rowsByStep.put("scorePartitionsStep", rowsByStep.get("scoreEmployeesStep"));
        List<BenchReport.StepFigures> steps = new ArrayList<>();
        timings.timings().entrySet().stream().sorted(Map.Entry.comparingByValue(
                java.util.Comparator.comparingLong(StepTimings.Timing::startMillis))).forEach(e -> {
                    StepTimings.Timing t = e.getValue();
                    steps.add(new BenchReport.StepFigures(e.getKey(), (t.endMillis() - t.startMillis()) / 1000.0,
                            rowsByStep.getOrDefault(e.getKey(), 0L), heap.peakBetween(t.startMillis(), t.endMillis())));
                });
        return steps;
    }

    static long dataRows(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return Math.max(0, lines.filter(l -> !l.isBlank()).count() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static int columnCount(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.findFirst().map(h -> h.split(",", -1).length).orElse(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
