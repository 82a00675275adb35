package org.promiseledger.cli.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.promiseledger.rules.RuleProblem;
import org.promiseledger.rules.RuleSetArchive;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.workbench.RulesValidation;
import org.promiseledger.workbench.ScenarioRunner;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "rules", mixinStandardHelpOptions = true, description = "The analyst's workbench: validate, test and show rule sets.",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Test.class, RulesCommand.Show.class})
public class RulesCommand {

    @Component
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Compiles every rule file and checks the plan's sense (weights add up to 1, curve points go up,",
                    "known metric codes, a cap for every role); reports every problem with its file and place, and warns of a cap",
                    "below 1. Exit 0 clean (warnings allowed), 2 not. `run` refuses rules with problems the same way."})
    static class Validate implements Callable<Integer> {
        @Option(names = "--rules", description = "rules folder (default: promise-ledger.rules-dir, else ./rules)")
        Path rules;

        private final RulesValidation validation;
        private final BatchSettings settings;

        Validate(RulesValidation validation, BatchSettings settings) {
            this.validation = validation;
            this.settings = settings;
        }

        @Override
        public Integer call() {
            Path dir = rules == null ? settings.rulesPath() : rules;
            RulesValidation.Findings findings = validation.findings(dir);
            List<RuleProblem> problems = findings.problems();
            if (problems.isEmpty()) {
                System.out.printf("Rules OK: %s, version %s%n", dir, RuleSetFolder.shortVersion(new RuleSetFolder(dir).version()));
                findings.warnings().forEach(w -> System.out.println("warning: " + w));
                return 0;
            }
            problems.forEach(p -> System.err.println(p));
            System.err.printf("%d problem(s) in %s%n", problems.size(), dir);
            return 2;
        }
    }

    @Component
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Runs the scenarios in <rules>/scenarios/*.yaml against the plan; exit 1 when any fails.")
    static class Test implements Callable<Integer> {
        @Option(names = "--rules", description = "rules folder (default: promise-ledger.rules-dir, else ./rules)")
        Path rules;

        private final ScenarioRunner runner;
        private final BatchSettings settings;

        Test(ScenarioRunner runner, BatchSettings settings) {
            this.runner = runner;
            this.settings = settings;
        }

        @Override
        public Integer call() throws Exception {
            Path dir = rules == null ? settings.rulesPath() : rules;
            List<ScenarioRunner.Verdict> verdicts = runner.runAll(dir);
            int failed = 0;
            for (ScenarioRunner.Verdict v : verdicts) {
                System.out.printf("%s  %s: %s%n", v.passed() ? "PASS" : "FAIL", v.file(), v.name());
                v.failures().forEach(f -> System.out.println("        " + f));
                failed += v.passed() ? 0 : 1;
            }
            System.out.printf("%d passed, %d failed%n", verdicts.size() - failed, failed);
            return failed == 0 ? 0 : 1;
        }
    }

    @Component
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints every file of a rule-set version a run used (decision tables as rows of cells).")
    static class Show implements Callable<Integer> {
        @Option(names = "--version", required = true, description = "the version as shown (12 hex digits) or in full")
        String version;

        private final RuleSetArchive archive;

        Show(RuleSetArchive archive) {
            this.archive = archive;
        }

        @Override
        public Integer call() throws Exception {
            List<String> matches = archive.versionsStartingWith(version.trim());
            if (matches.size() != 1) {
                System.err.println(matches.isEmpty() ? "no run used a rule set " + version
                        : "rule-set version " + version + " is ambiguous: " + matches);
                return 2;
            }
            System.out.println("Rule set " + matches.get(0));
            for (Map.Entry<String, byte[]> file : archive.filesOf(matches.get(0)).entrySet()) {
                System.out.println();
                System.out.println("==== " + file.getKey() + " ====");
                String name = file.getKey().toLowerCase(java.util.Locale.ROOT);
                if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                    printWorkbook(file.getValue());
                } else {
                    System.out.print(new String(file.getValue(), StandardCharsets.UTF_8));
                }
            }
            return 0;
        }

        private static void printWorkbook(byte[] bytes) throws Exception {
            DataFormatter formatter = new DataFormatter();
            try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
                for (Sheet sheet : workbook) {
                    System.out.println("-- sheet " + sheet.getSheetName());
                    for (Row row : sheet) {
                        StringBuilder line = new StringBuilder(String.format("%3d |", row.getRowNum() + 1));
                        for (int c = 0; c < row.getLastCellNum(); c++) {
                            line.append(' ').append(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c))).append(" |");
                        }
                        System.out.println(line);
                    }
                }
            }
        }
    }
}
