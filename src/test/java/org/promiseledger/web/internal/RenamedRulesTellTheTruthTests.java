package org.promiseledger.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.export.CsvExports;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.support.CsvFiles;
import org.promiseledger.support.OnH2;
import org.promiseledger.support.RulesCopy;
import org.promiseledger.workbench.Simulation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Issue #11: rule names belong to the analysts. Every rule of the shipped plan renamed (drl rules and decision tables)
 * and the customer gate moved from executives to managers, the real quarterly job on the small company whose NPS
 * attains 0: the scorecard, the PDF statement, the CSV exports and `simulate` all say the managers were gated (paid
 * 0.00, gate closed) and the executives not, because they read the booked decisions, never a rule's name.
 */
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
@OnH2
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RenamedRulesTellTheTruthTests {

    static final Period Q3 = Period.parse("2026-Q3");
    private static final Pattern RULE = Pattern.compile("(?m)^rule \"([^\"]+)\"");

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    RunRegistry registry;

    @Autowired
    CalculatedPeriods periods;

    @Autowired
    ScorecardReader scorecards;

    @Autowired
    CsvExports exports;

    @Autowired
    Simulation simulation;

    @Autowired
    RuleSetCompiler compiler;

    @TempDir
    Path temp;

    @Test
    void renamedRulesAndAGateMovedToManagersAreToldTruthfullyOnEveryView() throws Exception {
        // given the shipped rules with every rule renamed and the gate applying to managers instead of executives
        Path rules = RulesCopy.of(temp.resolve("rules"));
        List<String> newNames = renameEveryRule(rules);
        moveTheGateTo(rules.resolve("scorecard.drl"), "MANAGER");
        // and the small company with a company NPS threshold it does not reach: NPS attains 0
        Path input = RulesCopy.copyTree(SmallCompanyQuarters.SMALL, temp.resolve("input"));
        Path targets = input.resolve("targets.csv");
        String raised = Files.readString(targets).replace("NPS,COMPANY,0,20,40", "NPS,COMPANY,90,95,99");
        assertThat(raised).contains("NPS,COMPANY,90,95,99");
        Files.writeString(targets, raised);

        // when the real quarterly job runs
        RunOutcome outcome = runner.run(Q3, input, rules, "hr.alice");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        QuarterlyRunRecord run = registry.latestCalculated(Q3).orElseThrow();
        Workforce workforce = periods.workforce(Q3);

        // then the manager E4's scorecard: paid 0.00, gate closed, score kept
        ScorecardView manager = scorecards.read(Q3, run, "E4", workforce).orElseThrow();
        assertThat(manager.payout().amount()).isEqualByComparingTo("0.00");
        assertThat(manager.payout().score().signum()).isPositive();
        assertThat(manager.gate().applies()).isTrue();
        assertThat(manager.gate().closed()).isTrue();
        assertThat(manager.gate().reading()).startsWith("Customer gate CLOSED: company NPS attains 0.0000")
                .contains("the amount is 0.00");
        // and the trail quotes only the new names
        assertThat(manager.payoutTrail()).isNotEmpty().allSatisfy(t -> assertThat(newNames).contains(t.ruleName()));
        assertThat(manager.components()).filteredOn(c -> c.component().equals("INDIVIDUAL")).singleElement()
                .satisfies(c -> assertThat(c.decidedBy()).isNotEmpty()
                        .allSatisfy(t -> assertThat(newNames).contains(t.ruleName())));
        // and the executive E2 is paid, the gate not applying to executives any more
        ScorecardView executive = scorecards.read(Q3, run, "E2", workforce).orElseThrow();
        assertThat(executive.payout().amount().signum()).isPositive();
        assertThat(executive.gate().applies()).isFalse();
        assertThat(executive.gate().closed()).isFalse();
        assertThat(executive.gate().reading()).startsWith("The customer gate does not apply to this employee");
        // and staff are neither gated nor told otherwise
        ScorecardView staff = scorecards.read(Q3, run, "E7", workforce).orElseThrow();
        assertThat(staff.gate().applies()).isFalse();
        assertThat(staff.payout().amount().signum()).isPositive();

        // the PDF statements say the same
        assertThat(StatementPdfTests.pdfText(new StatementPdf().render(manager)))
                .contains("Customer gate CLOSED: company NPS attains 0.0000");
        assertThat(StatementPdfTests.pdfText(new StatementPdf().render(executive)))
                .contains("The customer gate does not apply to this employee").doesNotContain("Customer gate CLOSED");

        // the CSV exports: payouts and the booked decisions
        exports.payouts(Q3, temp.resolve("payouts.csv"));
        Map<String, String> amounts = byEmployee(temp.resolve("payouts.csv"), "amount");
        assertThat(amounts.get("E4")).isEqualTo("0.00");
        assertThat(amounts.get("E6")).isEqualTo("0.00");
        assertThat(new BigDecimal(amounts.get("E2")).signum()).isPositive();
        exports.decisions(Q3, temp.resolve("decisions.csv"));
        List<Map<String, String>> decisions = CsvFiles.records(temp.resolve("decisions.csv"));
        Map<String, String> gates = decisions.stream().filter(d -> d.get("kind").equals("CUSTOMER_GATE"))
                .collect(Collectors.toMap(d -> d.get("employee_id"), d -> d.get("outcome")));
        assertThat(gates).containsEntry("E4", "CLOSED").containsEntry("E5", "CLOSED").containsEntry("E6", "CLOSED")
                .containsEntry("E1", "NOT_APPLICABLE").containsEntry("E2", "NOT_APPLICABLE").containsEntry("E7", "NOT_APPLICABLE");
        assertThat(decisions).filteredOn(d -> d.get("kind").equals("CUSTOMER_GATE") && d.get("outcome").equals("CLOSED"))
                .allSatisfy(d -> assertThat(newNames).contains(d.get("rule_name")));

        // simulate with the shipped rules: the gate moves back to the executives, and says so
        Simulation.Result shipped = simulation.simulate(Q3, compiler.compile(Path.of("rules")));
        Map<String, Simulation.Diff> diffs = shipped.diffs().stream().collect(Collectors.toMap(Simulation.Diff::employeeId, d -> d));
        assertThat(diffs.get("E4").oldGate()).isEqualTo("CLOSED");
        assertThat(diffs.get("E4").newGate()).isEqualTo("NOT_APPLICABLE");
        assertThat(diffs.get("E4").newAmount().signum()).isPositive();
        assertThat(diffs.get("E2").oldGate()).isEqualTo("NOT_APPLICABLE");
        assertThat(diffs.get("E2").newGate()).isEqualTo("CLOSED");
        assertThat(diffs.get("E2").newAmount()).isEqualByComparingTo("0.00");
        // and the renamed rules simulate to what they paid
        Simulation.Result same = simulation.simulate(Q3, compiler.compile(rules));
        assertThat(same.diffs()).allSatisfy(d -> {
            assertThat(d.delta().signum()).as(d.employeeId()).isZero();
            assertThat(d.newGate()).as(d.employeeId()).isEqualTo(d.oldGate());
        });
        simulation.write(same, temp.resolve("diff.csv"));
        assertThat(byEmployee(temp.resolve("diff.csv"), "new_gate")).containsEntry("E5", "CLOSED").containsEntry("E3", "NOT_APPLICABLE");
    }

    /** Gives every rule of every .drl and every decision table a new name that shares no words with the old one. */
    private static List<String> renameEveryRule(Path rules) throws Exception {
        List<String> names = new ArrayList<>();
        int n = 0;
        try (var files = Files.list(rules)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".drl")) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Matcher m = RULE.matcher(text);
                    StringBuilder renamed = new StringBuilder();
                    while (m.find()) {
                        String fresh = "Zeta " + (++n) + " qwerty";
                        names.add(fresh);
                        m.appendReplacement(renamed, Matcher.quoteReplacement("rule \"" + fresh + "\""));
                    }
                    m.appendTail(renamed);
                    Files.writeString(file, renamed.toString(), StandardCharsets.UTF_8);
                } else if (name.endsWith(".drl.xlsx")) {
                    n = renameRuleTables(file, n, names);
                }
            }
        }
        assertThat(n).isGreaterThan(10);
        return names;
    }

    /** Renames each RuleTable: its rules are named after the table (Drools names a row's rule "table_row"). */
    private static int renameRuleTables(Path workbookFile, int n, List<String> names) throws Exception {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(workbookFile)) {
            workbook = WorkbookFactory.create(in);
        }
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip().startsWith("RuleTable")) {
                        String table = "Omega" + (++n) + "Table";
                        cell.setCellValue("RuleTable " + table);
                        names.add(table);
                    }
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(workbookFile)) {
            workbook.write(out);
        }
        workbook.close();
        return n;
    }

    private static void moveTheGateTo(Path scorecard, String role) throws Exception {
        String text = Files.readString(scorecard, StandardCharsets.UTF_8);
        String moved = text.replace("\"EXECUTIVE\".equals($e.role())", "\"" + role + "\".equals($e.role())");
        assertThat(moved).isNotEqualTo(text);
        Files.writeString(scorecard, moved, StandardCharsets.UTF_8);
    }

    private static Map<String, String> byEmployee(Path csv, String column) throws Exception {
        return CsvFiles.records(csv).stream().collect(Collectors.toMap(r -> r.get("employee_id"), r -> r.get(column)));
    }
}
