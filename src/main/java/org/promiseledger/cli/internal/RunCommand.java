package org.promiseledger.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.promiseledger.kernel.BatchSettings;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the quarterly job for a period on a folder of input files.",
                "Run it again after a crash to restart where it stopped; after a calculated run, a new run supersedes it."})
public class RunCommand implements Callable<Integer> {

    @Option(names = "--period", required = true, description = "the quarter, e.g. 2026-Q3")
    String period;

    @Option(names = "--data", required = true, description = "folder with the eleven input CSV files")
    Path data;

    @Option(names = "--rules", description = "rules folder (default: promise-ledger.rules-dir, else ./rules)")
    Path rules;

    @Option(names = "--as", description = "who launches the run (default: the operating-system user)")
    String as;

    private final QuarterRunPrinter printer;
    private final BatchSettings settings;

    RunCommand(QuarterRunPrinter printer, BatchSettings settings) {
        this.printer = printer;
        this.settings = settings;
    }

    @Override
    public Integer call() {
        return printer.runAndReport(period, data, rules == null ? settings.rulesPath() : rules, as == null ? System.getProperty("user.name") : as, true);
    }
}
