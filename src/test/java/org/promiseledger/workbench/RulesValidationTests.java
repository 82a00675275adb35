package org.promiseledger.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.rules.RuleProblem;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.support.RulesCopy;

/** `rules validate` reports each kind of problem at the file and place the analyst must change. */
class RulesValidationTests {

    final RulesValidation validation = new RulesValidation(new RuleSetCompiler());

    @TempDir
    Path temp;

    static final Path TABLES = Path.of("src/test/resources/rules/decision-tables");

    @Test
    void roleWeightsTypedAsPercentagesAndFormulasInLibreOfficeAreValid() throws IOException {
        Path rules = withRoleWeights("percent-role-weights.drl.xlsx");

        assertThat(validation.validate(rules)).isEmpty();
    }

    @Test
    void aRuleTableOnAHiddenSheetIsRefusedNamingWorkbookAndSheet() throws IOException {
        Path rules = withRoleWeights("hidden-role-weights.drl.xlsx");

        assertThat(validation.validate(rules)).containsExactly(new RuleProblem("role-weights.drl.xlsx",
                "sheet 'Last year', cell A5", "the sheet is hidden and holds a RuleTable, which would never be seen and might"
                        + " still pay: unhide it to use it, or delete the sheet"));
    }

    @Test
    void aHiddenFirstSheetWithLastYearsTableIsRefusedToo() throws IOException {
        Path rules = withRoleWeights("hidden-role-weights.drl.xlsx");
        Path workbook = rules.resolve("role-weights.drl.xlsx");
        try (var in = Files.newInputStream(workbook); var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(in)) {
            book.setSheetOrder("Last year", 0);
            book.setActiveSheet(1);
            book.setSelectedTab(1);
            book.setSheetHidden(0, true);
            try (var out = Files.newOutputStream(rules.resolve("moved.drl.xlsx"))) {
                book.write(out);
            }
        }
        Files.move(rules.resolve("moved.drl.xlsx"), workbook, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(validation.validate(rules)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("role-weights.drl.xlsx");
            assertThat(p.place()).isEqualTo("sheet 'Last year', cell A5");
        });
    }

    @Test
    void aWeightTypedAsWordsIsReportedWithWorkbookSheetAndCell() throws IOException {
        Path rules = withRoleWeights("typo-role-weights.drl.xlsx");

        assertThat(validation.validate(rules)).containsExactly(new RuleProblem("role-weights.drl.xlsx",
                "sheet 'Role weights', cell F12", "'fifty %' is not a number (the rule reads it as one; type a number such as 0.3 or 30 %)"));
    }

    @Test
    void everyBadCellIsReportedNotJustTheFirst() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("role-weights.drl.xlsx"), "C10", "half");
        RulesCopy.setCell(rules.resolve("role-weights.drl.xlsx"), "G12", "1,5x");
        RulesCopy.setCell(rules.resolve("cx-weights.drl.xlsx"), "C10", "30%%");

        assertThat(validation.validate(rules)).extracting(p -> p.file() + " " + p.place()).containsExactlyInAnyOrder(
                "role-weights.drl.xlsx sheet 'Role weights', cell C10", "role-weights.drl.xlsx sheet 'Role weights', cell G12",
                "cx-weights.drl.xlsx sheet 'CX weights', cell C10");
    }

    private Path withRoleWeights(String fixture) throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        Files.copy(TABLES.resolve(fixture), rules.resolve("role-weights.drl.xlsx"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return rules;
    }

    @Test
    void theShippedPlanIsValid() {
        assertThat(validation.validate(Path.of("rules"))).isEmpty();
    }

    @Test
    void aDrlSyntaxErrorIsReportedWithFileAndLine() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        Path drl = rules.resolve("scorecard.drl");
        Files.writeString(drl, Files.readString(drl).replace("$e : Employee(!hasPerformance)", "$e : Employee(!hasPerformance"));

        List<RuleProblem> problems = validation.validate(rules);

        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("scorecard.drl");
            assertThat(p.place()).startsWith("line ");
        });
    }

    @Test
    void roleWeightsThatDoNotAddUpToOneAreReportedAtTheRolesRow() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("role-weights.drl.xlsx"), "F10", "0.30"); // EXECUTIVE individual .20 -> .30

        assertThat(validation.validate(rules)).containsExactly(new RuleProblem("role-weights.drl.xlsx",
                "sheet 'Role weights', cell A10", "the component weights of EXECUTIVE add up to 1.10, not 1"));
    }

    @Test
    void cxWeightsThatDoNotAddUpToOneAreReportedAtTheProfilesRow() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("cx-weights.drl.xlsx"), "C10", "0.40"); // NPS .30 -> .40

        assertThat(validation.validate(rules)).containsExactly(new RuleProblem("cx-weights.drl.xlsx",
                "sheet 'CX weights', cell A10", "the CX weights of CUSTOMER_FACING add up to 1.10, not 1"));
    }

    @Test
    void curvePointsOutOfOrderAreReportedAtThePoint() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("attainment-curve.drl.xlsx"), "C11", "0.4"); // at target below at threshold

        assertThat(validation.validate(rules)).containsExactly(new RuleProblem("attainment-curve.drl.xlsx",
                "sheet 'Attainment curve', cell A11", "curve points must go up: AT_TARGET 0.4 is below AT_THRESHOLD 0.5"));
    }

    @Test
    void anUnknownMetricCodeIsReportedAtTheCellThatNamesIt() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        Path table = rules.resolve("cx-weights.drl.xlsx");
        RulesCopy.setCell(table, "C8", "insert(new MetricWeight($profile.name(), \"NPSX\", new BigDecimal(\"$param\")));");

        List<RuleProblem> problems = validation.validate(rules);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo("cx-weights.drl.xlsx");
        assertThat(problems.get(0).place()).isEqualTo("sheet 'CX weights', cell C8");
        assertThat(problems.get(0).message()).startsWith("'NPSX' is not a metric the engine computes");
    }

    @Test
    void aCapBelowOneIsAWarningAtTheRolesRowNotAProblem() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("role-weights.drl.xlsx"), "G11", "0.8"); // MANAGER cap

        assertThat(validation.validate(rules)).isEmpty();
        assertThat(validation.warnings(rules)).containsExactly(new RuleProblem("role-weights.drl.xlsx",
                "sheet 'Role weights', cell A11", "the payout cap of MANAGER is 0.8, below 1 (it would cut pay at target)"));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        RulesCopy.setCell(rules.resolve("role-weights.drl.xlsx"), "F10", "0.30");
        RulesCopy.setCell(rules.resolve("role-weights.drl.xlsx"), "G11", "0.8");
        RulesCopy.setCell(rules.resolve("cx-weights.drl.xlsx"), "C10", "0.40");

        assertThat(validation.validate(rules)).hasSize(2);
        assertThat(validation.warnings(rules)).hasSize(1);
    }
}
