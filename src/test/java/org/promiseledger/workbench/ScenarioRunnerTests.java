package org.promiseledger.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.support.RulesCopy;

/** `rules test`: the shipped scenarios cover the reference plan and pass; a wrong expectation fails and says why. */
class ScenarioRunnerTests {

    final ScenarioRunner runner = new ScenarioRunner(new RuleSetCompiler());

    @TempDir
    Path temp;

    @Test
    void everyShippedScenarioPasses() throws IOException {
        List<ScenarioRunner.Verdict> verdicts = runner.runAll(Path.of("rules"));

        assertThat(verdicts).hasSizeGreaterThanOrEqualTo(7);
        assertThat(verdicts).allSatisfy(v -> assertThat(v.failures()).as(v.file()).isEmpty());
    }

    @Test
    void aScenarioExpectingTheWrongAmountFailsAndSaysWhatDiffers() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        Path gate = rules.resolve("scenarios/customer-gate.yaml");
        Files.writeString(gate, Files.readString(gate).replace("X1: {score: 0.8500, amount: 0.00,", "X1: {score: 0.8500, amount: 8500.00,"));

        ScenarioRunner.Verdict verdict = runner.runAll(rules).stream()
                .filter(v -> v.file().equals("scenarios/customer-gate.yaml")).findFirst().orElseThrow();

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failures()).containsExactly("X1 amount: expected 8500.00, got 0.00");
    }

    @Test
    void aScenarioExpectingARuleThatDoesNotFireFails() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        Path roles = rules.resolve("scenarios/role-weights.yaml");
        Files.writeString(roles, Files.readString(roles).replace("not_fired: [Executives get nothing", "fired: [Executives get nothing"));

        ScenarioRunner.Verdict verdict = runner.runAll(rules).stream()
                .filter(v -> v.file().equals("scenarios/role-weights.yaml")).findFirst().orElseThrow();

        assertThat(verdict.failures()).containsExactly(
                "X1: expected rule \"Executives get nothing when the customer gate fails\" to fire, it did not");
    }

    @Test
    void aScenarioDescribesAnEmployeeWithSegmentsAndIsHeldToTheSummedCents() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        Path changes = rules.resolve("scenarios/mid-quarter-changes.yaml");
        Files.writeString(changes, Files.readString(changes).replace("M3: {score: 0.7774, amount: 7152.00}",
                "M3: {score: 0.9100, amount: 8372.00}"));

        ScenarioRunner.Verdict verdict = runner.runAll(rules).stream()
                .filter(v -> v.file().equals("scenarios/mid-quarter-changes.yaml")).findFirst().orElseThrow();

        // 8372.00 would be the whole quarter in D1 (9200 x 0.91): the transfer to D2 is paid on D2's CX from 08-01
        assertThat(verdict.failures()).containsExactly("M3 score: expected 0.9100, got 0.7774",
                "M3 amount: expected 8372.00, got 7152.00");
    }

    @Test
    void aSegmentOutsideOneQuarterIsAMalformedScenario() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        Path changes = rules.resolve("scenarios/mid-quarter-changes.yaml");
        Files.writeString(changes, Files.readString(changes).replace("{from: 2026-09-01, to: 2026-09-30,",
                "{from: 2026-09-01, to: 2026-10-05,"));

        ScenarioRunner.Verdict verdict = runner.runAll(rules).stream()
                .filter(v -> v.file().equals("scenarios/mid-quarter-changes.yaml")).findFirst().orElseThrow();

        assertThat(verdict.failures()).singleElement().asString().contains("S2 segment 2026-09-01..2026-10-05")
                .contains("one quarter");
    }

    @Test
    void aMalformedScenarioFailsWithTheReason() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        Files.writeString(rules.resolve("scenarios/broken.yaml"), "scenario: broken\ngiven:\n  scopes:\n    COMPANY: {NPSS: 1.0}\nexpect: {}\n");

        ScenarioRunner.Verdict verdict = runner.runAll(rules).stream()
                .filter(v -> v.file().equals("scenarios/broken.yaml")).findFirst().orElseThrow();

        assertThat(verdict.failures()).singleElement().asString().contains("'NPSS' is not a metric code");
    }

    @Test
    void addingAScenarioDoesNotChangeTheRuleSetVersion() throws IOException {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        String before = new RuleSetFolder(rules).version();

        Files.writeString(rules.resolve("scenarios/extra.yaml"), "scenario: extra\ngiven: {scopes: {}}\nexpect: {}\n");

        assertThat(new RuleSetFolder(rules).version()).isEqualTo(before);
    }
}
