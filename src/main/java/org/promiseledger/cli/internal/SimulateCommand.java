package org.promiseledger.cli.internal;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.promiseledger.period.Period;
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.rules.RuleCompilationException;
import org.promiseledger.rules.RuleSetArchive;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.workbench.Simulation;
import org.springframework.stereotype.Component;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Re-scores a calculated period with candidate rules, without touching the ledger: totals old -> new",
                "by role and by department, the biggest winners and losers, and a per-employee diff (--out)."})
public class SimulateCommand implements Callable<Integer> {

    @Option(names = "--period", required = true, description = "the quarter, e.g. 2026-Q3")
    String period;

    @ArgGroup(exclusive = true)
    Candidate candidate;

    static class Candidate {
        @Option(names = "--rules", description = "candidate rules folder (default: promise-ledger.rules-dir, else ./rules)")
        Path rules;

        @Option(names = "--rules-version", description = "a rule-set version a past run used (as shown, 12 hex digits)")
        String version;
    }

    @Option(names = "--out", description = "write the per-employee diff to this CSV file")
    Path out;

    @Option(names = "--top", defaultValue = "5", description = "how many winners and losers to list (default: ${DEFAULT-VALUE})")
    int top;

    private final Simulation simulation;
    private final RuleSetCompiler compiler;
    private final RuleSetArchive archive;
    private final BatchSettings settings;

    SimulateCommand(Simulation simulation, RuleSetCompiler compiler, RuleSetArchive archive, BatchSettings settings) {
        this.simulation = simulation;
        this.compiler = compiler;
        this.archive = archive;
        this.settings = settings;
    }

    @Override
    public Integer call() throws Exception {
        Period p = Period.parse(period);
        CompiledRuleSet rules;
        try {
            rules = compiler.compile(candidateFolder());
        } catch (RuleCompilationException e) {
            e.problems().forEach(System.err::println);
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Simulation.Result result;
        try {
            result = simulation.simulate(p, rules);
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        System.out.printf("Simulating %s: run %d (rule set %s) -> candidate rule set %s. The ledger is not touched.%n%n", p,
                result.run().runId(), RuleSetFolder.shortVersion(result.run().ruleSetVersion()),
                RuleSetFolder.shortVersion(result.candidateVersion()));
        System.out.printf("Pool budget: %s%n%n", simulation.poolOf(result.run()).map(b -> String.format("%,.2f", b)).orElse("none")
                + (result.run().poolBudget() != null ? ", as the run was booked" : ", today's setting (the run predates recorded budgets)"));
        printTotals("Role", result.diffs(), Simulation.Diff::role);
        printTotals("Department", result.diffs(), Simulation.Diff::departmentId);
        List<Simulation.Diff> moved = result.diffs().stream().filter(d -> d.delta().signum() != 0).toList();
        System.out.printf("%nBiggest winners:%n");
        moved.stream().filter(d -> d.delta().signum() > 0).sorted(Comparator.comparing(Simulation.Diff::delta).reversed())
                .limit(top).forEach(SimulateCommand::printDiff);
        System.out.printf("Biggest losers:%n");
        moved.stream().filter(d -> d.delta().signum() < 0).sorted(Comparator.comparing(Simulation.Diff::delta))
                .limit(top).forEach(SimulateCommand::printDiff);
        System.out.printf("%n%d of %d employees change.%n", moved.size(), result.diffs().size());
        if (out != null) {
            simulation.write(result, out);
            System.out.println("Per-employee diff: " + out);
        }
        return 0;
    }

    private Path candidateFolder() throws Exception {
        if (candidate != null && candidate.version != null) {
            List<String> matches = archive.versionsStartingWith(candidate.version.trim());
            if (matches.size() != 1) {
                throw new IllegalArgumentException(matches.isEmpty() ? "no run used a rule set " + candidate.version
                        : "rule-set version " + candidate.version + " is ambiguous: " + matches);
            }
            Path folder = Files.createTempDirectory("promise-ledger-rules-");
            folder.toFile().deleteOnExit();
            return archive.restore(matches.get(0), folder);
        }
        return candidate != null && candidate.rules != null ? candidate.rules : settings.rulesPath();
    }

    private static void printTotals(String label, List<Simulation.Diff> diffs, Function<Simulation.Diff, String> key) {
        Map<String, List<Simulation.Diff>> groups = diffs.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        System.out.printf("%-14s %18s %18s %16s%n", label, "old", "new", "change");
        BigDecimal oldTotal = BigDecimal.ZERO;
        BigDecimal newTotal = BigDecimal.ZERO;
        for (Map.Entry<String, List<Simulation.Diff>> group : groups.entrySet()) {
            BigDecimal before = group.getValue().stream().map(Simulation.Diff::oldAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal after = group.getValue().stream().map(Simulation.Diff::newAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            System.out.printf("%-14s %,18.2f %,18.2f %+,16.2f%n", group.getKey(), before, after, after.subtract(before));
            oldTotal = oldTotal.add(before);
            newTotal = newTotal.add(after);
        }
        System.out.printf("%-14s %,18.2f %,18.2f %+,16.2f%n%n", "Total", oldTotal, newTotal, newTotal.subtract(oldTotal));
    }

    private static void printDiff(Simulation.Diff d) {
        System.out.printf("  %-10s %-10s %-6s %,14.2f -> %,14.2f (%+,.2f) %s%n", ConsoleText.safe(d.employeeId()), d.role(),
                ConsoleText.safe(d.departmentId()),
                d.oldAmount(), d.newAmount(), d.delta(), String.join("; ", d.rulesChanged())
                        + (d.oldGate().equals(d.newGate()) ? "" : " [customer gate " + (d.oldGate().isEmpty() ? "-" : d.oldGate())
                                + " -> " + (d.newGate().isEmpty() ? "-" : d.newGate()) + "]"));
    }
}
