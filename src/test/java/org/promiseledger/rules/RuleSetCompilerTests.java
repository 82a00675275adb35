package org.promiseledger.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.promiseledger.rules.RulesFolders.copyOfShipped;
import static org.promiseledger.rules.RulesFolders.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.scoring.PlanInspector;

/**
 * Compiling a rules folder from disk: the shipped plan compiles; a broken rule file, a spreadsheet Drools would
 * silently skip, or a folder without rules stops everything with the file (relative to the rules folder), the line
 * and the compiler's message.
 */
class RuleSetCompilerTests {

    /** A rule whose line 5 has one closing parenthesis too many. */
    private static final String SYNTAX_ERROR_ON_LINE_5 = """
            package org.promiseledger.plan

            rule "Broken"
            when
                Employee( role == "STAFF" ) )
            then
            end
            """;

    /** A rule whose line 7 uses a fact type that does not exist. */
    private static final String UNKNOWN_TYPE_ON_LINE_7 = """
            package org.promiseledger.plan

            import org.promiseledger.scoring.*

            rule "Unknown type"
            when
                $x : NoSuchFact()
            then
            end
            """;

    private static CompiledRuleSet shipped;

    @TempDir
    Path temp;

    @BeforeAll
    static void compileTheShippedPlan() {
        shipped = new RuleSetCompiler().compile(RulesFolders.SHIPPED);
    }

    private static Set<String> ruleNames(CompiledRuleSet rules) {
        return rules.kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(org.kie.api.definition.rule.Rule::getName).collect(Collectors.toSet());
    }

    private static RuleProblem problemIn(RuleCompilationException e, String file) {
        return e.problems().stream().filter(p -> p.file().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem named " + file + " in " + e.problems()));
    }

    @Test
    void compilesTheShippedPlanFromDiskWithItsVersion() {
        // then the DRL rules and both decision tables are in
        Set<String> names = ruleNames(shipped);
        assertTrue(names.contains("Executives get nothing when the customer gate fails"), names.toString());
        assertTrue(names.contains("A failed moment of truth caps the CX index at 1.0"), names.toString());
        assertTrue(names.contains("Customer-facing scopes weigh what customers say and do"), names.toString());
        assertTrue(names.contains("Staff are paid on the company, their department and their own results"),
                names.toString());
        // and the version is the folder's
        assertEquals(new RuleSetFolder(RulesFolders.SHIPPED).version(), shipped.version());
        assertEquals(shipped.version().substring(0, 12), shipped.shortVersion());
        // and the plan weighs the metrics of docs/reference-plan.md
        assertEquals(Set.of("NPS", "CSAT", "FCR", "COMPLAINT_RATE", "RETENTION", "CONSISTENCY", "INTERNAL_SERVICE"),
                PlanInspector.weightedMetrics(shipped));
    }

    @Test
    void aSyntaxErrorNamesTheFileByItsRelativePathAndTheLine() throws IOException {
        // given a copy of the plan with a broken rule in a sub-folder
        Path rules = copyOfShipped(temp.resolve("rules"));
        write(rules, "extra/oops.drl", SYNTAX_ERROR_ON_LINE_5);
        // when
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> new RuleSetCompiler().compile(rules));
        // then
        RuleProblem problem = problemIn(e, "extra/oops.drl");
        assertEquals("line 5", problem.place());
        assertTrue(problem.message().contains("mismatched input ')'"), problem.message());
        assertTrue(e.getMessage().contains("extra/oops.drl, line 5: "), e.getMessage());
        // and only that file is blamed
        e.problems().forEach(p -> assertEquals("extra/oops.drl", p.file(), p.toString()));
    }

    @Test
    void aBrokenShippedFileIsNamedWithItsLine() throws IOException {
        // given scorecard.drl with a rule appended whose line is broken
        Path rules = copyOfShipped(temp.resolve("rules"));
        Path scorecard = rules.resolve("scorecard.drl");
        long lines = Files.readAllLines(scorecard).size();
        Files.writeString(scorecard, "\nrule \"Broken\"\nwhen\n    Employee( ) )\nthen\nend\n", StandardOpenOption.APPEND);
        // when
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> new RuleSetCompiler().compile(rules));
        // then the broken line is the 4th appended one
        assertEquals("line " + (lines + 4), problemIn(e, "scorecard.drl").place());
    }

    @Test
    void anUnknownFactTypeNamesTheFileAndTheLine() throws IOException {
        // given
        Path rules = copyOfShipped(temp.resolve("rules"));
        write(rules, "unknown.drl", UNKNOWN_TYPE_ON_LINE_7);
        // when
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> new RuleSetCompiler().compile(rules));
        // then
        RuleProblem problem = problemIn(e, "unknown.drl");
        assertEquals("line 7", problem.place());
        assertTrue(problem.message().contains("NoSuchFact"), problem.message());
    }

    @Test
    void aSpreadsheetNotNamedDrlXlsxIsReportedRatherThanSilentlyIgnored() throws IOException {
        // given a decision table saved as x.xlsx, and another as tables/y.xls
        Path rules = copyOfShipped(temp.resolve("rules"));
        Files.copy(rules.resolve("role-weights.drl.xlsx"), rules.resolve("x.xlsx"));
        Files.createDirectories(rules.resolve("tables"));
        Files.copy(rules.resolve("role-weights.drl.xlsx"), rules.resolve("tables/y.xls"));
        // when
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> new RuleSetCompiler().compile(rules));
        // then both are named
        RuleProblem x = problemIn(e, "x.xlsx");
        assertNull(x.place());
        assertTrue(x.message().contains("*.drl.xlsx"), x.message());
        problemIn(e, "tables/y.xls");
        assertEquals(2, e.problems().size(), e.problems().toString());
    }

    @Test
    void aDecisionTableWithAnUpperCaseExtensionIsCompiledOrReported() throws IOException {
        // given the CX weights table renamed with an upper-case extension
        Path rules = copyOfShipped(temp.resolve("rules"));
        Files.move(rules.resolve("cx-weights.drl.xlsx"), rules.resolve("cx-weights.DRL.XLSX"));
        // when
        CompiledRuleSet compiled;
        try {
            compiled = new RuleSetCompiler().compile(rules);
        } catch (RuleCompilationException e) {
            // then either it is reported ...
            problemIn(e, "cx-weights.DRL.XLSX");
            return;
        }
        // ... or its weights are in the plan
        assertEquals(Set.of("NPS", "CSAT", "FCR", "COMPLAINT_RATE", "RETENTION", "CONSISTENCY", "INTERNAL_SERVICE"),
                PlanInspector.weightedMetrics(compiled));
    }

    @Test
    void aFolderWithoutRuleFilesIsReported() throws IOException {
        // given a folder with only a README and a scenario
        Path rules = temp.resolve("empty-rules");
        write(rules, "README.md", "# nothing here\n");
        write(rules, "scenarios/q3.drl", "package x\n");
        // when
        RuleCompilationException e = assertThrows(RuleCompilationException.class,
                () -> new RuleSetCompiler().compile(rules));
        // then
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).message().contains("no rule files"), e.problems().toString());
    }

    @Test
    void aMissingFolderIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RuleSetCompiler().compile(temp.resolve("nowhere")));
    }

    @Test
    void scenariosReadmesAndHiddenFilesAreNotCompiled() throws IOException {
        // given broken rule files where the rule set does not look
        Path rules = copyOfShipped(temp.resolve("rules"));
        write(rules, "scenarios/broken.drl", SYNTAX_ERROR_ON_LINE_5);
        write(rules, ".hidden.drl", SYNTAX_ERROR_ON_LINE_5);
        write(rules, ".drafts/broken.drl", SYNTAX_ERROR_ON_LINE_5);
        write(rules, "README.drl", SYNTAX_ERROR_ON_LINE_5);
        // when
        CompiledRuleSet compiled = new RuleSetCompiler().compile(rules);
        // then it is the shipped plan, same version
        assertEquals(shipped.version(), compiled.version());
        assertEquals(ruleNames(shipped), ruleNames(compiled));
    }

    @Test
    void aChangedFolderIsCompiledAgainNotServedFromTheLastCompile() throws IOException {
        // given one compiler that has compiled a good copy
        RuleSetCompiler compiler = new RuleSetCompiler();
        Path rules = copyOfShipped(temp.resolve("rules"));
        CompiledRuleSet first = compiler.compile(rules);
        // and an unchanged folder is served from the last compile
        assertSame(first, compiler.compile(rules));
        // when a rule file breaks
        write(rules, "extra/oops.drl", SYNTAX_ERROR_ON_LINE_5);
        // then
        RuleCompilationException e = assertThrows(RuleCompilationException.class, () -> compiler.compile(rules));
        assertEquals(List.of("extra/oops.drl"), e.problems().stream().map(RuleProblem::file).distinct().toList());
    }
}
