package org.promiseledger.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import org.promiseledger.rules.internal.DecisionTableWorkbook;
import org.springframework.stereotype.Component;

/**
 * Compiles the rules folder from disk (never from the classpath), so an analyst's edit takes effect at the next
 * run without a rebuild. Any error stops everything with the file, the line and the compiler's message.
 */
@Component
public class RuleSetCompiler {

    private static final List<String> DECISION_TABLE_SUFFIXES = List.of(".drl.xlsx", ".drl.xls", ".drl.csv");

    /** The last rule set compiled: a run compiles once to check, once to score, and the files rarely change between. */
    private volatile CompiledRuleSet last;

    public CompiledRuleSet compile(Path rulesDir) {
        RuleSetFolder folder = new RuleSetFolder(rulesDir);
        String version = folder.version();
        CompiledRuleSet cached = last;
        if (cached != null && cached.version().equals(version)) {
            return cached;
        }
        Map<String, Path> files = folder.versionedFiles();
        KieServices kie = KieServices.Factory.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        List<RuleProblem> problems = new ArrayList<>();
        int ruleFiles = 0;
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String name = file.getKey().toLowerCase(Locale.ROOT);
            boolean table = DECISION_TABLE_SUFFIXES.stream().anyMatch(name::endsWith);
            if (table && DECISION_TABLE_SUFFIXES.stream().noneMatch(file.getKey()::endsWith)) {
                // Drools recognises only the lower-case extension and would skip the table without a word.
                problems.add(new RuleProblem(file.getKey(), null,
                        "write the decision table's extension in lower case (.drl.xlsx, .drl.xls, .drl.csv), or it would be ignored"));
            } else if (name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls")) {
                // Drools gets the workbook as the analyst sees it (shown values, visible sheets only)
                DecisionTableWorkbook.Result workbook = DecisionTableWorkbook.normalise(file.getKey(), read(file.getValue()));
                problems.addAll(workbook.problems());
                if (workbook.normalised() != null) {
                    kfs.write("src/main/resources/" + file.getKey(), workbook.normalised());
                }
                ruleFiles++;
            } else if (name.endsWith(".drl") || table) {
                kfs.write("src/main/resources/" + file.getKey(), read(file.getValue()));
                ruleFiles++;
            } else if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
                // Drools silently skips a spreadsheet whose name does not say it is a decision table.
                problems.add(new RuleProblem(file.getKey(), null,
                        "a decision table must be named *.drl.xlsx or *.drl.xls, or it would be ignored"));
            }
        }
        if (ruleFiles == 0) {
            problems.add(new RuleProblem(rulesDir.toString(), null, "no rule files (*.drl, *.drl.xlsx) found"));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        ReleaseId releaseId = kie.newReleaseId("org.promiseledger", "plan-" + version.substring(0, 12), "1.0.0");
        kfs.generateAndWritePomXML(releaseId);
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            if (message.getText().contains("Parser returned a null Package")) {
                continue; // only ever follows the parser's own, more precise, error for the same file
            }
            String path = message.getPath() == null ? "" : message.getPath().replaceFirst("^src/main/resources/", "");
            String place = message.getLine() > 0 ? "line " + message.getLine() : null;
            problems.add(new RuleProblem(path.isEmpty() ? "(rules)" : path, place, message.getText().strip()));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        KieContainer container = kie.newKieContainer(releaseId);
        last = new CompiledRuleSet(version, container.getKieBase());
        return last;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file + ": " + e.getMessage(), e);
        }
    }
}
