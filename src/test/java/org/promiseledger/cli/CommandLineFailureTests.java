package org.promiseledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.support.RulesCopy;

/**
 * The failure classes as an operator meets them: the real command line in a child JVM (its own H2 file), its exit
 * status and everything it prints. Exit 2 for what fails the same way again, exit 1 (with "run again") only where a
 * retry helps; no stack trace on the console, the trace in the log file.
 */
class CommandLineFailureTests {

    static final Path SMALL = Path.of("src/test/resources/jobs/small/input");

    @TempDir
    Path temp;

    @Test
    void aStopForBadInputPrintsTheClearMessageWithoutAStackTraceAndExits2() throws Exception {
        Path input = RulesCopy.copyTree(SMALL, temp.resolve("input"));
        Files.writeString(input.resolve("surveys.csv"), "R950,C01,T1,2026-08-01T10:00:00Z,11,4,2\n", StandardOpenOption.APPEND);

        Result result = run("run", "--period", "2026-Q3", "--data", input.toString(), "--rules", "rules");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains("2026-Q3: run refused", "surveys.csv: 1 of 70 rows rejected, more than the limit of 1 %",
                "surveys.csv, line 71, column nps: OUT_OF_RANGE '11'");
        assertNoStackTrace(result);
        assertThat(result.output()).doesNotContain("run the same command again");
        assertThat(Files.readString(temp.resolve("data/promise-ledger.log"))).contains("BadInputException", "\tat ");
    }

    @Test
    void aBadSettingIsExit2WithOneLine() throws Exception {
        Result result = run("run", "--period", "2026-Q3", "--data", SMALL.toString(), "--rules", "rules",
                "--promise-ledger.pool-budget=100000.005");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output().strip()).isEqualTo("promise-ledger: bad setting: promise-ledger.pool-budget 100000.005 has"
                + " more than two decimals: give the budget in whole cents (fix batch-config or the option; nothing was run)");
    }

    @Test
    void aPlanGivingAnUnstorableValueIsExit2WithoutRunAgainAdvice() throws Exception {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        // a plan that makes sense to `rules validate` (the curve still goes up) but pays beyond any column
        RulesCopy.setCell(rules.resolve("attainment-curve.drl.xlsx"), "C12", "100000000000000000000");
        RulesCopy.setCell(rules.resolve("attainment-curve.drl.xlsx"), "C13", "100000000000000000000");

        Result result = run("run", "--period", "2026-Q3", "--data", SMALL.toString(), "--rules", rules.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains("run refused", "a value cannot be stored").doesNotContain("run the same command again");
        assertNoStackTrace(result);
    }

    @Test
    void aDatabaseThatIsNotThereIsExit1WithTheAdviceToRunAgain() throws Exception {
        Result result = run("run", "--period", "2026-Q3", "--data", SMALL.toString(), "--rules", "rules",
                "--spring.datasource.url=jdbc:mysql://127.0.0.1:9/nowhere?connectTimeout=2000", "--spring.datasource.username=root");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("could not start").contains("run the same command again");
        assertNoStackTrace(result);
    }

    @Test
    void rulesValidateReportsADecisionTableCellThatIsNotANumberWithExit2AndNoStackTrace() throws Exception {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("role-weights.drl.xlsx"), "F12", "fifty");

        Result result = run("rules", "validate", "--rules", rules.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        assertThat(result.output()).contains("role-weights.drl.xlsx, sheet 'Role weights', cell F12: 'fifty' is not a number");
        assertNoStackTrace(result);
    }

    @Test
    void aTemporaryFolderThatCannotBeWrittenIsExit1NamingTheFolderAndTheSameRunThenFinishes() throws Exception {
        Path missing = temp.resolve("no-such-folder");
        String[] run = {"run", "--period", "2026-Q3", "--data", SMALL.toString(), "--rules", "rules",
                "--promise-ledger.customers-per-pass=2"};

        Result failed = run(List.of("-Djava.io.tmpdir=" + missing), run);

        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("2026-Q3: run FAILED", "cannot write the customer pass files in " + missing
                + " (the JVM's temporary folder, -Djava.io.tmpdir)", "run the same command again");
        assertThat(failed.output()).doesNotContain("\tat ");

        Result again = run(List.of(), run);

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("2026-Q3");
    }

    static void assertNoStackTrace(Result result) {
        assertThat(result.output()).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("ERROR");
    }

    record Result(int exitCode, String output) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    private Result run(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.promiseledger.PromiseLedgerApplication"));
        command.addAll(List.of(args));
        command.addAll(List.of("--promise-ledger.data-dir=" + temp.resolve("data"), "--promise-ledger.min-sample=3"));
        if (args[0].equals("run")) {
            command.addAll(List.of("--as", "hr.alice"));
        }
        Path output = temp.resolve("console.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
