package org.promiseledger.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.promiseledger.bench.Bench;
import org.promiseledger.bench.BenchReport;
import org.promiseledger.runs.partition.LocalWorkers;
import org.promiseledger.period.Period;
import org.promiseledger.kernel.BatchSettings;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the quarterly job on a workload (see `demo --scale reference`) against the configured database",
                "and prints per step wall time, rows per second and peak heap; on MySQL/MariaDB also the ratio of our",
                "ingest to LOAD DATA LOCAL INFILE of the same event files. The last line sums it up."})
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "the workload folder")
    Path data;

    @Option(names = "--period", defaultValue = "2026-Q3", description = "the workload's quarter (default: ${DEFAULT-VALUE})")
    String period;

    @Option(names = "--rules", description = "rules folder (default: promise-ledger.rules-dir, else ./rules)")
    Path rules;

    @Option(names = "--workers", description = {"start N local worker processes (child JVMs of this jar) and count and score",
            "the run's departments in them over RabbitMQ (spring.rabbitmq.*), as a remote run does; default: in this process"})
    Integer workers;

    private final Bench bench;
    private final BatchSettings settings;
    private final LocalWorkers localWorkers;

    BenchCommand(Bench bench, BatchSettings settings, LocalWorkers localWorkers) {
        this.bench = bench;
        this.settings = settings;
        this.localWorkers = localWorkers;
    }

    @Override
    public Integer call() throws Exception {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("Bench on %s, %d cores, max heap %d MB, database %s%n", data.toAbsolutePath().normalize(),
                runtime.availableProcessors(), runtime.maxMemory() / (1024 * 1024), bench.onMySql() ? "MySQL/MariaDB" : "H2");
        if (workers != null && workers < 1) {
            System.err.println("bench: --workers must be at least 1");
            return 2;
        }
        BenchReport report;
        if (workers == null) {
            report = bench.run(data, rules == null ? settings.rulesPath() : rules, Period.parse(period), "bench");
        } else {
            try (LocalWorkers.Started started = localWorkers.start(workers)) {
                System.out.printf("%d local workers started; aggregation and scoring partitions go to them over RabbitMQ%n", workers);
                report = bench.run(data, rules == null ? settings.rulesPath() : rules, Period.parse(period), "bench");
            }
        }
        if (report.exitCode() != 0) {
            report.messages().forEach(System.err::println);
            System.err.println("bench: the run did not complete (exit " + report.exitCode() + ")");
            return report.exitCode();
        }
        System.out.printf("%-28s %9s %12s %12s %10s%n", "step", "wall s", "rows", "rows/s", "heap MB");
        for (BenchReport.StepFigures s : report.steps()) {
            System.out.printf("%-28s %9.2f %,12d %,12.0f %10d%n", s.step(), s.seconds(), s.rows(), s.rowsPerSecond(),
                    s.peakHeapBytes() / (1024 * 1024));
        }
        if (report.loadDataSeconds() != null) {
            System.out.printf("ingest of the event files %.1f s; LOAD DATA LOCAL INFILE of the same files %.1f s%n",
                    report.ingestSeconds(), report.loadDataSeconds());
        }
        System.out.println(report.summaryLine());
        return 0;
    }
}
