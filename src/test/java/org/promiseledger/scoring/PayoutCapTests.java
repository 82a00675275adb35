package org.promiseledger.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.promiseledger.scoring.PlanFixture.d;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.support.RulesCopy;

/**
 * The payout caps (2.0 x target bonus for EXECUTIVE, 1.5 x for the others). Under the shipped weights a score cannot
 * pass 1.5, so the caps never bind there (docs/reference-plan.md "Precise semantics"); they are proved on a changed plan: a copy
 * of {@code rules/} whose role table weighs INDIVIDUAL at 3.0 for every role.
 */
class PayoutCapTests {

    /** Column F of role-weights.drl.xlsx holds the INDIVIDUAL weight; rows 10-12 are EXECUTIVE, MANAGER, STAFF. */
    private static final int INDIVIDUAL_COLUMN = 5;

    @TempDir
    static Path tempDir;

    private static CompiledRuleSet shipped;
    private static CompiledRuleSet changed;

    @BeforeAll
    static void compileTheShippedPlanAndOneWithIndividualWeighingThree() throws IOException {
        shipped = new RuleSetCompiler().compile(Path.of("rules"));
        Path copy = tempDir.resolve("rules");
        RulesCopy.copyTree(Path.of("rules"), copy);
        setIndividualWeight(copy.resolve("role-weights.drl.xlsx"), "3.0");
        changed = new RuleSetCompiler().compile(copy);
    }

    private static void setIndividualWeight(Path table, String weight) throws IOException {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(table)) {
            workbook = new XSSFWorkbook(in);
        }
        Sheet sheet = workbook.getSheetAt(0);
        for (int rowIndex = 9; rowIndex <= 11; rowIndex++) { // 0-based: spreadsheet rows 10-12
            Row row = sheet.getRow(rowIndex);
            String role = row.getCell(1).getStringCellValue();
            assertTrue(List.of("EXECUTIVE", "MANAGER", "STAFF").contains(role), "unexpected row " + role);
            row.getCell(INDIVIDUAL_COLUMN).setCellValue(weight);
        }
        try (OutputStream out = Files.newOutputStream(table)) {
            workbook.write(out);
        }
        workbook.close();
    }

    /** One department D1 owning T1; every scope's metrics at stretch (CX 1.5) or at target (CX 1.0). */
    private static PlanFixture company(boolean atStretch) {
        PlanFixture fixture = new PlanFixture().department("D1", null).touchpoint("T1", "D1");
        for (ScopeRef ref : List.of(ScopeRef.COMPANY, ScopeRef.department("D1"), ScopeRef.subtree("D1"))) {
            if (atStretch) {
                fixture.external(ref, "60", "90", "80", "5", "95", "95");
            } else {
                fixture.external(ref, "40", "80", "70", "10", "90", "90");
            }
        }
        return fixture;
    }

    private static ScoredPayout payout(CompiledRuleSet rules, PlanFixture fixture, String employeeId) {
        return new PlanScorer(rules, fixture.input()).score(() -> { }).payouts().stream()
                .filter(p -> p.employee().employeeId().equals(employeeId)).findFirst().orElseThrow();
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void theChangedPlanIsANewRuleSetVersion() {
        assertNotEquals(shipped.version(), changed.version());
    }

    @Test
    void anExecutiveWithAHighScoreIsPaidExactlyTwiceTheTargetBonus() {
        // given all CX at target (1.0) and an executive with individual 1.0, target bonus 100,000 x 20 % = 20,000
        PlanFixture fixture = company(false).employee("E1", "EXECUTIVE", "D1", "100000", "20", "100", "100");
        // when
        ScoredPayout e1 = payout(changed, fixture, "E1");
        // then score .5 x 1 + .3 x 1 + 3.0 x 1 = 3.8 (kept), paid 2.0 x 20,000
        assertDecimal("3.8", e1.score());
        assertEquals(d("40000.00"), e1.amount());
        assertTrue(e1.capped());
        assertTrue(e1.trail().stream().anyMatch(e -> e.decision().contains("capped at 2.0000 x target bonus")),
                e1.trail().toString());
    }

    @Test
    void aStaffMemberWithAHighScoreIsPaidExactlyOneAndAHalfTimesTheTargetBonus() {
        // given a staff member with individual 1.0 and target bonus 40,000 x 5 % = 2,000
        PlanFixture fixture = company(false).employee("S1", "STAFF", "D1", "40000", "5", "100", "100");
        // when
        ScoredPayout s1 = payout(changed, fixture, "S1");
        // then score .2 + .3 + 3.0 = 3.5, paid 1.5 x 2,000
        assertDecimal("3.5", s1.score());
        assertEquals(d("3000.00"), s1.amount());
        assertTrue(s1.capped());
    }

    @Test
    void aManagerWithAHighScoreIsPaidExactlyOneAndAHalfTimesTheTargetBonus() {
        // given a manager with individual 1.0 and target bonus 60,000 x 10 % = 6,000
        PlanFixture fixture = company(false).employee("M1", "MANAGER", "D1", "60000", "10", "100", "100");
        // when
        ScoredPayout m1 = payout(changed, fixture, "M1");
        // then score .3 + .4 + 3.0 = 3.7, paid 1.5 x 6,000
        assertDecimal("3.7", m1.score());
        assertEquals(d("9000.00"), m1.amount());
        assertTrue(m1.capped());
    }

    @Test
    void theCappedAmountIsRoundedHalfEvenToCents() {
        // given a staff member with target bonus 33,333.33 x 10 % = 3,333.333 (unrounded)
        PlanFixture fixture = company(false).employee("S2", "STAFF", "D1", "33333.33", "10", "100", "100");
        // when
        ScoredPayout s2 = payout(changed, fixture, "S2");
        // then 1.5 x 3,333.333 = 4,999.9995 -> 5,000.00
        assertEquals(d("5000.00"), s2.amount());
        assertTrue(s2.capped());
    }

    @Test
    void aScoreExactlyAtTheCapIsPaidInFullAndNotMarkedCapped() {
        // given an executive with individual 0.4 (sales 40 %, productivity 40 %): .5 + .3 + 3.0 x 0.4 = 2.0
        PlanFixture fixture = company(false).employee("E2", "EXECUTIVE", "D1", "100000", "20", "40", "40");
        // when
        ScoredPayout e2 = payout(changed, fixture, "E2");
        // then
        assertDecimal("2.0", e2.score());
        assertEquals(d("40000.00"), e2.amount());
        assertFalse(e2.capped());
    }

    @Test
    void aScoreBelowTheCapIsNotCappedInTheChangedPlan() {
        // given a staff member without a performance row: .2 + .3 + 3.0 x 0 = 0.5
        PlanFixture fixture = company(false).employee("S3", "STAFF", "D1", "40000", "5", null, null);
        // when
        ScoredPayout s3 = payout(changed, fixture, "S3");
        // then
        assertDecimal("0.5", s3.score());
        assertEquals(d("1000.00"), s3.amount());
        assertFalse(s3.capped());
    }

    @Test
    void eachSegmentIsCappedAtItsOwnRolesCapOnItsOwnTargetBonus() {
        // given P1 promoted from STAFF to EXECUTIVE on 2026-08-16 (46 + 46 of 92 days), individual 0.4, all CX at 1.0
        ScoringInput base = company(false).input();
        LocalDate promoted = LocalDate.of(2026, 8, 16);
        Segment staff = new Segment(Segment.keyOf("P1", LocalDate.of(2026, 7, 1), promoted.minusDays(1)), "P1",
                LocalDate.of(2026, 7, 1), promoted.minusDays(1), 46, 92);
        Segment executive = new Segment(Segment.keyOf("P1", promoted, LocalDate.of(2026, 9, 30)), "P1", promoted,
                LocalDate.of(2026, 9, 30), 46, 92);
        // target bonuses 40,000 x 5 % x 46/92 = 1,000 and 100,000 x 20 % x 46/92 = 10,000
        List<Employee> facts = List.of(new Employee(staff.key(), "STAFF", "D1", d("40000"), d("1000"), d("40"), d("40")),
                new Employee(executive.key(), "EXECUTIVE", "D1", d("100000"), d("10000"), d("40"), d("40")));
        ScoringInput input = new ScoringInput(base.metrics(), base.momentOfTruthChecks(), base.targets(), base.touchpointOwners(),
                base.org(), facts, java.util.Map.of(staff.key(), staff, executive.key(), executive));
        // when
        ScoredPayout p1 = new PlanScorer(changed, input).score(() -> { }).payouts().get(0);
        // then STAFF: .2 + .3 + 3.0 x .4 = 1.7 > 1.5, so 1.5 x 1,000 = 1,500 (not 1,700);
        // EXECUTIVE: .5 + .3 + 3.0 x .4 = 2.0, exactly its cap: 2.0 x 10,000 = 20,000
        assertEquals("P1", p1.employee().employeeId());
        assertEquals(d("21500.00"), p1.amount());
        assertTrue(p1.capped());
        assertEquals(List.of(true, false), p1.segments().stream().map(ScoredSegment::capped).toList());
        assertDecimal("1500", p1.segments().get(0).amount());
        assertDecimal("20000", p1.segments().get(1).amount());
        // score (1,000 x 1.7 + 10,000 x 2.0) / 11,000; target bonus 11,000; latest role EXECUTIVE
        assertDecimal("1.972727272727272727272727272727273", p1.score());
        assertDecimal("11000", p1.employee().targetBonus());
        assertEquals("EXECUTIVE", p1.employee().role());
    }

    @Test
    void underTheShippedWeightsEvenTheBestScoreDoesNotBind() {
        // given every CX at stretch (1.5) and individual capped at 1.5
        PlanFixture fixture = company(true)
                .employee("E1", "EXECUTIVE", "D1", "100000", "20", "300", "300")
                .employee("S1", "STAFF", "D1", "40000", "5", "300", "300");
        // when
        ScoredPayout e1 = payout(shipped, fixture, "E1");
        ScoredPayout s1 = payout(shipped, fixture, "S1");
        // then the best score is 1.5: the executive gets 1.5 x 20,000, below the 2.0 cap
        assertDecimal("1.5", e1.score());
        assertEquals(d("30000.00"), e1.amount());
        assertFalse(e1.capped());
        // and staff reach 1.5 x 2,000, equal to but not beyond the 1.5 cap
        assertDecimal("1.5", s1.score());
        assertEquals(d("3000.00"), s1.amount());
        assertFalse(s1.capped());
    }
}
