package org.promiseledger.cli.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.promiseledger.kernel.LaunchCommand;
import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.demo.ReferenceWorkload;
import org.promiseledger.demo.SampleCompany;
import org.promiseledger.period.Period;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.web.DemoUsers;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.scoring.ScopeResultStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Creates a sample company for 2026-Q3 and the three quarters before, runs them all and prints the summary."})
public class DemoCommand implements Callable<Integer> {

    static final Period LAST = Period.parse("2026-Q3");

    @Option(names = "--out", description = "where the sample inputs are written (default: the data folder's demo/)")
    Path out;

    @Option(names = "--rules", description = "rules folder (default: promise-ledger.rules-dir, else ./rules)")
    Path rules;

    @Option(names = "--seed", description = "sample company seed (default: ${DEFAULT-VALUE})", defaultValue = "2026")
    long seed;

    @Option(names = "--scale", defaultValue = "sample", description = {"sample (default): the demo company, run and summarised;",
            "reference: only writes the reference workload (200 departments, 20,000 employees) for `bench`"})
    String scale;

    @Option(names = "--rows", defaultValue = "5000000",
            description = "with --scale reference: surveys + contacts + complaints + churn rows (default: ${DEFAULT-VALUE})")
    long rows;

    private final QuarterRunPrinter printer;
    private final RunRegistry registry;
    private final JdbcTemplate jdbc;
    private final ScopeResultStore results;
    private final LedgerReads ledger;
    private final BatchSettings settings;
    private final DemoUsers demoUsers;

    DemoCommand(QuarterRunPrinter printer, RunRegistry registry, JdbcTemplate jdbc, BatchSettings settings, DemoUsers demoUsers,
            ScopeResultStore results, LedgerReads ledger) {
        this.results = results;
        this.printer = printer;
        this.registry = registry;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.settings = settings;
        this.demoUsers = demoUsers;
    }

    @Override
    public Integer call() throws IOException {
        if ("reference".equals(scale)) {
            return writeReferenceWorkload();
        }
        if (scale != null && !"sample".equals(scale)) {
            System.err.println("--scale must be sample or reference");
            return 2;
        }
        out = out == null ? settings.dataPath().resolve("demo") : out;
        rules = rules == null ? settings.rulesPath() : rules;
        SampleCompany company = new SampleCompany(seed == 0 ? 2026 : seed);
        List<Period> quarters = List.of(LAST.previous().previous().previous(), LAST.previous().previous(), LAST.previous(), LAST);
        System.out.printf("Promise Ledger demo: a sample bank of 12 departments and 300 employees, %s to %s%n%n",
                quarters.get(0), LAST);
        List<String> trend = new ArrayList<>();
        for (int i = 0; i < quarters.size(); i++) {
            Period quarter = quarters.get(i);
            Path dir = out.resolve(quarter.toString());
            company.writeQuarter(dir, quarter.firstDay(), i);
            int exit = printer.runAndReport(quarter.toString(), dir, rules, "demo", false);
            if (exit != 0) {
                return exit;
            }
            QuarterlyRunRecord run = registry.latestCalculated(quarter).orElseThrow();
            BigDecimal cx = results.cxIndexOf(run.runId(), ScopeRef.COMPANY).orElseThrow().value();
            BigDecimal total = ledger.totalOf(run.runId()).total();
            trend.add(String.format("  %s  company CX %s  payouts %,.2f", quarter, cx.setScale(4, java.math.RoundingMode.HALF_EVEN),
                    total));
        }
        System.out.printf("%nTrend over four quarters:%n");
        trend.forEach(System.out::println);
        printer.report(registry.latestCalculated(LAST).orElseThrow());
        System.out.printf("Sample inputs: %s (the folder format `run --data` expects)%n", out.toAbsolutePath().normalize());
        System.out.printf("%nScorecards in the browser: " + LaunchCommand.inFormat() + " serve, then http://localhost:8080 as%n");
        demoUsers.createFor(LAST).forEach(login -> System.out.println("  " + login));
        return 0;
    }

    /** Writes, and only writes, the reference workload of 2026-Q3 for `bench`. */
    private int writeReferenceWorkload() throws IOException {
        if (out == null) {
            System.err.println("--scale reference needs --out DIR");
            return 2;
        }
        long started = System.nanoTime();
        Map<String, Long> written = new ReferenceWorkload(seed == 0 ? 2026 : seed).write(out, rows);
        written.forEach((file, count) -> System.out.printf("%-22s %,12d rows%n", file, count));
        System.out.printf("Reference workload for 2026-Q3 written to %s in %.1f s.%nBenchmark it: " + LaunchCommand.inFormat() + " bench --data %s%n",
                out.toAbsolutePath().normalize(), (System.nanoTime() - started) / 1e9, out);
        return 0;
    }
}
