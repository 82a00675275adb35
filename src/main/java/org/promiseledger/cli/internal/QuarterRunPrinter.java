package org.promiseledger.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;

import org.promiseledger.kernel.LaunchCommand;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Runs a period and tells the operator, in plain words, what happened and what to do next. */
@Component
class QuarterRunPrinter {

    private final QuarterlyRunner runner;
    private final RunRegistry registry;
    private final RunSummary summary;
    private final MidQuarterSummary midQuarter;
    private final Environment environment;
    private final PrintStream out = System.out;

    QuarterRunPrinter(QuarterlyRunner runner, RunRegistry registry, RunSummary summary, MidQuarterSummary midQuarter,
            Environment environment) {
        this.runner = runner;
        this.registry = registry;
        this.summary = summary;
        this.midQuarter = midQuarter;
        this.environment = environment;
    }

    int runAndReport(String periodText, Path data, Path rules, String user, boolean fullSummary) {
        Period period;
        try {
            period = Period.parse(periodText);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        RunOutcome outcome = runner.run(period, data, rules, user);
        double seconds = (System.nanoTime() - started) / 1e9;
        QuarterlyRunRecord run = outcome.runId() == null ? null : registry.find(outcome.runId()).orElse(null);
        if (outcome.succeeded()) {
            out.printf("%s: run %d %s in %.1f s%s%n", period, run.runId(), run.state(), seconds,
                    outcome.restarted() ? " (restarted where it stopped)"
                            : run.supersedesRunId() != null ? " (supersedes run " + run.supersedesRunId() + ")" : "");
            if (fullSummary) {
                report(run);
            }
            return 0;
        }
        PrintStream err = System.err;
        err.printf("%s: %s%n", period, outcome.exitCode() == 2 ? "run refused" : "run FAILED");
        outcome.messages().forEach(m -> err.println("  " + ConsoleText.safe(m)));
        if (run != null && run.runId() == outcome.runId() && run.state() == RunState.REFUSED) {
            summary.printInputs(err, run);
            summary.printFirstRejects(err, run, 10);
        }
        if (outcome.exitCode() == 1) {
            err.printf("Fix the cause and run the same command again: the run restarts where it stopped.%n");
        }
        return outcome.exitCode();
    }

    void report(QuarterlyRunRecord run) {
        out.printf("%nPromise Ledger — %s, run %d by %s, rule set %s%n", run.period(), run.runId(), run.launchedBy(),
                RuleSetFolder.shortVersion(run.ruleSetVersion()));
        summary.printInputs(out, run);
        summary.printScorecards(out, run);
        summary.printIntegrity(out, run);
        summary.printPayouts(out, run);
        midQuarter.print(out, run);
        out.printf("Database %s%n", environment.getProperty("spring.datasource.url"));
        out.printf("Export:  " + LaunchCommand.inFormat() + " export payouts --period %s --out payouts-%s.csv"
                + " (also: export metrics, export rejects)%n", run.period(), run.period());
    }
}
