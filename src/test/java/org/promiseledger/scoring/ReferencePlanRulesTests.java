package org.promiseledger.scoring;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.promiseledger.scoring.PlanFixture.d;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.promiseledger.metrics.MetricCode;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.rules.RuleSetCompiler;

/**
 * The shipped plan in {@code rules/} (cx-index.drl, scorecard.drl and their two decision tables), fired by
 * {@link PlanScorer} on hand-built facts: build facts, fire, assert the decision.
 *
 * <p>Targets are in {@link PlanFixture}. The value sets used, with their hand-worked CX index
 * (weights NPS .30, CSAT .20, FCR .15, COMPLAINT_RATE .15, RETENTION .10, CONSISTENCY .10):
 * <pre>
 *   COMPANY values  NPS 50 (1.25) CSAT 75 (0.75) FCR 70 (1.0) CR 15 (0.75) RET 95   (1.5)  CONS 85 (0.75)
 *                   CX = .375 + .15 + .15 + .1125 + .15 + .075                       = 1.0125
 *   PLAIN values    NPS 30 (0.75) CSAT 80 (1.0)  FCR 65 (0.75) CR 10 (1.0) RET 90  (1.0)  CONS 90 (1.0)
 *                   CX = .225 + .2 + .1125 + .15 + .1 + .1                           = 0.8875
 *   HIGH values     NPS 60 (1.5)  CSAT 85 (1.25) FCR 80 (1.5) CR 5 (1.5)   RET 92.5 (1.25) CONS 95 (1.5)
 *                   CX = .45 + .25 + .225 + .225 + .125 + .15                        = 1.425
 * </pre>
 */
class ReferencePlanRulesTests {

    private static CompiledRuleSet rules;

    @BeforeAll
    static void compileTheShippedPlan() {
        rules = new RuleSetCompiler().compile(Path.of("rules"));
    }

    // ---- the standard company --------------------------------------------------------------------------------

    /**
     * D1 (top, owns T1) with children D2 (owns T2) and D3 (no touchpoints, internal service 80 on 40 answers).
     * COMPANY values for the company, HIGH for D1's subtree, PLAIN for D1 and D2. Employees:
     * E1 EXECUTIVE in D1, base 100,000 at 20 % (target bonus 20,000), sales 110 / productivity 90 (individual 1.0);
     * M2 MANAGER in D2, base 60,000 at 10 % (6,000), 120 / 100 (1.1);
     * S2 STAFF in D2, base 40,000 at 5 % (2,000), 95 / 80 (0.875).
     */
    private static PlanFixture standardCompany() {
        return new PlanFixture()
                .department("D1", null).department("D2", "D1").department("D3", "D1")
                .touchpoint("T1", "D1").touchpoint("T2", "D2")
                .external(ScopeRef.COMPANY, "50", "75", "70", "15", "95", "85")
                .external(ScopeRef.department("D1"), "30", "80", "65", "10", "90", "90")
                .external(ScopeRef.subtree("D1"), "60", "85", "80", "5", "92.5", "95")
                .external(ScopeRef.department("D2"), "30", "80", "65", "10", "90", "90")
                .external(ScopeRef.subtree("D2"), "30", "80", "65", "10", "90", "90")
                .internalOnly(ScopeRef.department("D3"), "80", 40)
                .internalOnly(ScopeRef.subtree("D3"), "80", 40)
                .employee("E1", "EXECUTIVE", "D1", "100000", "20", "110", "90")
                .employee("M2", "MANAGER", "D2", "60000", "10", "120", "100")
                .employee("S2", "STAFF", "D2", "40000", "5", "95", "80");
    }

    private static ScoringResult score(PlanFixture fixture) {
        return new PlanScorer(rules, fixture.input()).score(() -> { });
    }

    private static ScopeResult scope(ScoringResult result, ScopeRef ref) {
        return result.scopes().stream().filter(s -> s.scope().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + ref));
    }

    private static MetricAttainment attainment(ScoringResult result, ScopeRef ref, MetricCode metric) {
        return scope(result, ref).attainments().stream().filter(a -> a.metric().equals(metric.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no attainment of " + metric + " for " + ref));
    }

    private static ScoredPayout payout(ScoringResult result, String employeeId) {
        return result.payouts().stream().filter(p -> p.employee().employeeId().equals(employeeId)).findFirst()
                .orElseThrow(() -> new AssertionError("no payout for " + employeeId));
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    private static boolean trailQuotes(List<RuleTrail.Entry> trail, String ruleName) {
        return trail.stream().anyMatch(e -> e.ruleName().equals(ruleName));
    }

    // ---- the CX index -----------------------------------------------------------------------------------------

    @Test
    void theCxIndexIsTheWeightedSumOfMetricAttainments() {
        // given the standard company
        // when
        ScoringResult result = score(standardCompany());
        // then
        assertDecimal("1.0125", scope(result, ScopeRef.COMPANY).cxIndex().value());
        assertDecimal("0.8875", scope(result, ScopeRef.department("D2")).cxIndex().value());
        assertDecimal("1.425", scope(result, ScopeRef.subtree("D1")).cxIndex().value());
        assertEquals("WEIGHTED_METRICS", scope(result, ScopeRef.COMPANY).cxIndex().basis());
        assertDecimal("1.25", attainment(result, ScopeRef.COMPANY, MetricCode.NPS).attainment());
        assertEquals("CURVE", attainment(result, ScopeRef.COMPANY, MetricCode.NPS).basis());
        // and every scope of every department has a result: COMPANY + 3 departments + 3 subtrees
        assertEquals(7, result.scopes().size());
    }

    @Test
    void aDepartmentUsesItsOwnTargetRowBeforeTheCompanys() {
        // given D2 has its own NPS targets 10/30/50, so its NPS of 30 is exactly at target (company row: 0.75)
        PlanFixture fixture = standardCompany().target("NPS", "D2", "10", "30", "50");
        // when
        ScoringResult result = score(fixture);
        // then D2 NPS attains 1.0 and its CX is 0.8875 + .3 x 0.25 = 0.9625; D2's subtree uses D2's row too
        assertDecimal("1.0", attainment(result, ScopeRef.department("D2"), MetricCode.NPS).attainment());
        assertDecimal("0.9625", scope(result, ScopeRef.department("D2")).cxIndex().value());
        assertDecimal("0.9625", scope(result, ScopeRef.subtree("D2")).cxIndex().value());
        // and D1 still uses the company row
        assertDecimal("0.75", attainment(result, ScopeRef.department("D1"), MetricCode.NPS).attainment());
    }

    // (a)
    @Test
    void anInsufficientDepartmentMetricTakesTheCompanyAttainment() {
        // given D2's NPS of 100 (which alone would attain 1.5) rests on 10 answers; the company's NPS attains 1.25
        PlanFixture fixture = standardCompany()
                .metric(ScopeRef.department("D2"), MetricCode.NPS, "100", 10)
                .metric(ScopeRef.subtree("D2"), MetricCode.NPS, "-100", 29);
        // when
        ScoringResult result = score(fixture);
        // then both D2 scopes borrow 1.25
        MetricAttainment nps = attainment(result, ScopeRef.department("D2"), MetricCode.NPS);
        assertDecimal("1.25", nps.attainment());
        assertEquals("COMPANY_FALLBACK", nps.basis());
        assertDecimal("1.25", attainment(result, ScopeRef.subtree("D2"), MetricCode.NPS).attainment());
        // and the CX index becomes 0.8875 - .3 x 0.75 + .3 x 1.25 = 1.0375
        assertDecimal("1.0375", scope(result, ScopeRef.department("D2")).cxIndex().value());
        assertDecimal("1.0375", scope(result, ScopeRef.subtree("D2")).cxIndex().value());
        assertTrue(trailQuotes(scope(result, ScopeRef.department("D2")).trail(),
                "A department metric without enough answers borrows the company's attainment"));
    }

    // (b)
    @Test
    void anInsufficientCompanyMetricAttainsNothing() {
        // given the company's CSAT of 95 (would attain 1.5) rests on 12 answers, and D2's CSAT on 5
        PlanFixture fixture = standardCompany()
                .metric(ScopeRef.COMPANY, MetricCode.CSAT, "95", 12)
                .metric(ScopeRef.department("D2"), MetricCode.CSAT, "95", 5);
        // when
        ScoringResult result = score(fixture);
        // then the company's CSAT attains 0 and its CX is 1.0125 - .2 x 0.75 = 0.8625
        MetricAttainment csat = attainment(result, ScopeRef.COMPANY, MetricCode.CSAT);
        assertDecimal("0", csat.attainment());
        assertEquals("INSUFFICIENT", csat.basis());
        assertDecimal("0.8625", scope(result, ScopeRef.COMPANY).cxIndex().value());
        // and D2 borrows that 0: 0.8875 - .2 x 1.0 = 0.6875
        assertDecimal("0", attainment(result, ScopeRef.department("D2"), MetricCode.CSAT).attainment());
        assertDecimal("0.6875", scope(result, ScopeRef.department("D2")).cxIndex().value());
        assertTrue(trailQuotes(scope(result, ScopeRef.COMPANY).trail(),
                "A company metric without enough answers attains nothing"));
    }

    // (c)
    @Test
    void aDepartmentWithoutTouchpointsIsScoredOnInternalService() {
        // given D3 owns no touchpoint; its internal service of 80 on 40 answers attains 1.0 + 0.5 x 10/20 = 1.25
        // when
        ScoringResult result = score(standardCompany());
        // then its CX index is that attainment (INTERNAL_SERVICE weighs 1.0), for the department and its subtree
        assertDecimal("1.25", attainment(result, ScopeRef.department("D3"), MetricCode.INTERNAL_SERVICE).attainment());
        assertDecimal("1.25", scope(result, ScopeRef.department("D3")).cxIndex().value());
        assertDecimal("1.25", scope(result, ScopeRef.subtree("D3")).cxIndex().value());
    }

    @Test
    void aDepartmentWithTouchpointsIgnoresItsInternalService() {
        // given D2 owns T2 and is rated 90 (stretch) by colleagues
        PlanFixture fixture = standardCompany().metric(ScopeRef.department("D2"), MetricCode.INTERNAL_SERVICE, "90", 40);
        // when
        ScoringResult result = score(fixture);
        // then its CX is still the customer-facing 0.8875
        assertDecimal("0.8875", scope(result, ScopeRef.department("D2")).cxIndex().value());
    }

    @Test
    void aDepartmentWithoutTouchpointsAndTooFewInternalAnswersTakesTheCompanyCx() {
        // given D3's internal service of 100 rests on 5 answers
        PlanFixture fixture = standardCompany()
                .internalOnly(ScopeRef.department("D3"), "100", 5)
                .internalOnly(ScopeRef.subtree("D3"), "100", 5);
        // when
        ScoringResult result = score(fixture);
        // then D3 takes the company CX index 1.0125
        CxIndex cx = scope(result, ScopeRef.department("D3")).cxIndex();
        assertDecimal("1.0125", cx.value());
        assertEquals("COMPANY_CX", cx.basis());
        assertDecimal("1.0125", scope(result, ScopeRef.subtree("D3")).cxIndex().value());
        assertTrue(trailQuotes(scope(result, ScopeRef.department("D3")).trail(),
                "A scope without touchpoints and too few internal answers takes the company CX index"));
    }

    @Test
    void aSubtreeWithoutTouchpointsIsScoredOnTheInternalServiceOfAllItsDepartments() {
        // given D3 (no touchpoints) has a child D4 (no touchpoints); the subtree's internal service is 60 on 70
        PlanFixture fixture = standardCompany()
                .department("D4", "D3")
                .internalOnly(ScopeRef.subtree("D3"), "60", 70)
                .internalOnly(ScopeRef.department("D4"), "90", 30)
                .internalOnly(ScopeRef.subtree("D4"), "90", 30);
        // when
        ScoringResult result = score(fixture);
        // then SUBTREE D3 attains 0.5 + 0.5 x 10/20 = 0.75, DEPARTMENT D3 still 1.25, D4 1.5
        assertDecimal("0.75", scope(result, ScopeRef.subtree("D3")).cxIndex().value());
        assertDecimal("1.25", scope(result, ScopeRef.department("D3")).cxIndex().value());
        assertDecimal("1.5", scope(result, ScopeRef.department("D4")).cxIndex().value());
    }

    // (d)
    @Test
    void aFailedMomentOfTruthCapsTheOwnersAndItsAncestorsSubtreeCxButNotTheCompanys() {
        // given D1 (top) > D2 > D4; D4 owns the moment-of-truth T4 that failed (CSAT 50 < company threshold 70);
        // every scope has HIGH values (CX 1.425); D1's own T1 passed its check
        PlanFixture fixture = new PlanFixture()
                .department("D1", null).department("D2", "D1").department("D4", "D2")
                .touchpoint("T1", "D1").touchpoint("T2", "D2").touchpoint("T4", "D4")
                .momentOfTruth("T4", "D4", "50", true)
                .momentOfTruth("T1", "D1", "90", false);
        for (ScopeRef ref : List.of(ScopeRef.COMPANY, ScopeRef.department("D1"), ScopeRef.subtree("D1"),
                ScopeRef.department("D2"), ScopeRef.subtree("D2"), ScopeRef.department("D4"), ScopeRef.subtree("D4"))) {
            fixture.external(ref, "60", "85", "80", "5", "92.5", "95");
        }
        // when
        ScoringResult result = score(fixture);
        // then the scopes owning T4 are capped at 1.0
        for (ScopeRef capped : List.of(ScopeRef.department("D4"), ScopeRef.subtree("D4"), ScopeRef.subtree("D2"),
                ScopeRef.subtree("D1"))) {
            CxIndex cx = scope(result, capped).cxIndex();
            assertDecimal("1.0", cx.value());
            assertEquals("MOMENT_OF_TRUTH_CAP", cx.basis(), capped.label());
            assertTrue(trailQuotes(scope(result, capped).trail(), "A failed moment of truth caps the CX index at 1.0"));
        }
        // and the departments that do not own it, and the company, keep 1.425
        for (ScopeRef free : List.of(ScopeRef.department("D2"), ScopeRef.department("D1"), ScopeRef.COMPANY)) {
            assertDecimal("1.425", scope(result, free).cxIndex().value());
        }
    }

    @Test
    void aFailedMomentOfTruthNeverRaisesACxIndexBelowOne() {
        // given D2 (PLAIN values, CX 0.8875) owns a failed moment of truth
        PlanFixture fixture = standardCompany().momentOfTruth("T2", "D2", "40", true);
        // when
        ScoringResult result = score(fixture);
        // then
        assertDecimal("0.8875", scope(result, ScopeRef.department("D2")).cxIndex().value());
        assertEquals("WEIGHTED_METRICS", scope(result, ScopeRef.department("D2")).cxIndex().basis());
    }

    // (g)
    @Test
    void roleWeightsGiveTheHandWorkedScoresAndAmounts() {
        // given the standard company: company CX 1.0125, SUBTREE D1 1.425, DEPARTMENT D2 0.8875
        // when
        ScoringResult result = score(standardCompany());
        // then EXECUTIVE .5 x 1.0125 + .3 x 1.425 + .2 x 1.0 = 0.50625 + 0.4275 + 0.2 = 1.13375; x 20,000
        ScoredPayout e1 = payout(result, "E1");
        assertDecimal("1.13375", e1.score());
        assertEquals(d("22675.00"), e1.amount());
        assertFalse(e1.capped());
        assertFalse(e1.gated());
        assertEquals(List.of("COMPANY_CX", "SUBTREE_CX", "INDIVIDUAL"),
                e1.lines().stream().map(ScoreLine::component).toList());
        assertDecimal("0.50625", e1.lines().get(0).contribution());
        assertDecimal("0.4275", e1.lines().get(1).contribution());
        assertDecimal("0.2", e1.lines().get(2).contribution());
        // and MANAGER .3 x 1.0125 + .4 x 0.8875 + .3 x 1.1 = 0.30375 + 0.355 + 0.33 = 0.98875; x 6,000
        ScoredPayout m2 = payout(result, "M2");
        assertDecimal("0.98875", m2.score());
        assertEquals(d("5932.50"), m2.amount());
        assertEquals(List.of("COMPANY_CX", "DEPARTMENT_CX", "INDIVIDUAL"),
                m2.lines().stream().map(ScoreLine::component).toList());
        // and STAFF .2 x 1.0125 + .3 x 0.8875 + .5 x 0.875 = 0.2025 + 0.26625 + 0.4375 = 0.90625; x 2,000
        ScoredPayout s2 = payout(result, "S2");
        assertDecimal("0.90625", s2.score());
        assertEquals(d("1812.50"), s2.amount());
        assertDecimal("0.2", s2.lines().get(0).weight());
        assertDecimal("0.3", s2.lines().get(1).weight());
        assertDecimal("0.5", s2.lines().get(2).weight());
        // and payouts come in employee-id order
        assertEquals(List.of("E1", "M2", "S2"), result.payouts().stream().map(p -> p.employee().employeeId()).toList());
    }

    @Test
    void theAmountRoundsHalfEvenToCents() {
        // given a staff member in D2 with base 40,003.20 at 5 % (target bonus 2,000.16) and 95 / 80 (score 0.90625)
        PlanFixture fixture = standardCompany().employee("S9", "STAFF", "D2", "40003.20", "5", "95", "80");
        // when
        ScoredPayout s9 = payout(score(fixture), "S9");
        // then 2,000.16 x 0.90625 = 1,812.645 exactly: a tie, the cent digit 4 is even -> 1,812.64
        assertEquals(d("1812.64"), s9.amount());
    }

    // (e)
    @Test
    void theCustomerGatePaysExecutivesNothingButKeepsTheirScore() {
        // given the company's NPS of 10 is below its threshold of 20: attains 0, company CX 1.0125 - .375 = 0.6375
        PlanFixture fixture = standardCompany().metric(ScopeRef.COMPANY, MetricCode.NPS, "10", 100);
        // when
        ScoringResult result = score(fixture);
        // then E1's score .5 x 0.6375 + .3 x 1.425 + .2 x 1.0 = 0.94625 is kept, the amount is 0.00
        ScoredPayout e1 = payout(result, "E1");
        assertDecimal("0.94625", e1.score());
        assertEquals(d("0.00"), e1.amount());
        assertTrue(e1.gated());
        // and the manager (.3 x 0.6375 + .4 x 0.8875 + .3 x 1.1 = 0.87625) and staff
        // (.2 x 0.6375 + .3 x 0.8875 + .5 x 0.875 = 0.83125) are paid
        ScoredPayout m2 = payout(result, "M2");
        assertEquals(d("5257.50"), m2.amount());
        assertFalse(m2.gated());
        ScoredPayout s2 = payout(result, "S2");
        assertEquals(d("1662.50"), s2.amount());
        assertFalse(s2.gated());
    }

    @Test
    void theCustomerGateAlsoClosesOnAnInsufficientCompanyNps() {
        // given the company's NPS of 60 rests on 20 answers: attains 0
        PlanFixture fixture = standardCompany().metric(ScopeRef.COMPANY, MetricCode.NPS, "60", 20);
        // when
        ScoredPayout e1 = payout(score(fixture), "E1");
        // then
        assertTrue(e1.gated());
        assertEquals(d("0.00"), e1.amount());
        assertDecimal("0.94625", e1.score());
    }

    @Test
    void theCustomerGateStaysOpenWhenCompanyNpsIsExactlyAtThreshold() {
        // given company NPS 20 = threshold: attains 0.5; company CX 1.0125 - .3 x 0.75 = 0.7875
        PlanFixture fixture = standardCompany().metric(ScopeRef.COMPANY, MetricCode.NPS, "20", 100);
        // when
        ScoredPayout e1 = payout(score(fixture), "E1");
        // then .5 x 0.7875 + 0.4275 + 0.2 = 1.02125; x 20,000 = 20,425.00
        assertFalse(e1.gated());
        assertDecimal("1.02125", e1.score());
        assertEquals(d("20425.00"), e1.amount());
    }

    // (f)
    @Test
    void anEmployeeWithoutPerformanceGetsIndividualZero() {
        // given S3, staff in D2 with target bonus 2,000 and no performance row
        PlanFixture fixture = standardCompany().employee("S3", "STAFF", "D2", "40000", "5", null, null);
        // when
        ScoredPayout s3 = payout(score(fixture), "S3");
        // then INDIVIDUAL attains 0: .2 x 1.0125 + .3 x 0.8875 + .5 x 0 = 0.46875; x 2,000 = 937.50
        ScoreLine individual = s3.lines().stream().filter(l -> l.component().equals("INDIVIDUAL")).findFirst().orElseThrow();
        assertDecimal("0", individual.attainment());
        assertDecimal("0", individual.contribution());
        assertDecimal("0.46875", s3.score());
        assertEquals(d("937.50"), s3.amount());
        assertTrue(trailQuotes(s3.trail(), "An employee without a performance row has no individual attainment"));
    }

    @Test
    void individualAttainmentIsCappedAtOneAndAHalfInTheScore() {
        // given S4, staff in D2 with sales 200 % and productivity 150 % (mean 1.75, capped at 1.5)
        PlanFixture fixture = standardCompany().employee("S4", "STAFF", "D2", "40000", "5", "200", "150");
        // when
        ScoredPayout s4 = payout(score(fixture), "S4");
        // then .2 x 1.0125 + .3 x 0.8875 + .5 x 1.5 = 1.21875; x 2,000 = 2,437.50
        assertDecimal("1.21875", s4.score());
        assertEquals(d("2437.50"), s4.amount());
        assertFalse(s4.capped());
    }

    // (h)
    @Test
    void theRuleTrailQuotesTheRulesThatDecided() {
        // given the customer gate closes
        PlanFixture fixture = standardCompany().metric(ScopeRef.COMPANY, MetricCode.NPS, "10", 100);
        // when
        ScoringResult result = score(fixture);
        // then the executive's trail quotes the gate and the rules that made the score
        List<RuleTrail.Entry> trail = payout(result, "E1").trail();
        assertTrue(trailQuotes(trail, "Executives get nothing when the customer gate fails"), trail.toString());
        assertTrue(trailQuotes(trail, "Individual attainment is the mean of sales and productivity attainment, capped at 1.5"));
        assertTrue(trailQuotes(trail, "Each role weighs its scorecard components"));
        assertTrue(trailQuotes(trail, "The score is the sum of the weighted components"));
        assertTrue(trailQuotes(trail, "Pay the target bonus times the score, up to the role's cap"));
        trail.forEach(e -> assertEquals("EMPLOYEE E1", e.subject()));
        // and the gate's entry says what it did
        RuleTrail.Entry gate = trail.stream()
                .filter(e -> e.ruleName().equals("Executives get nothing when the customer gate fails")).findFirst().orElseThrow();
        assertTrue(gate.decision().contains("amount 0.00"), gate.decision());
        // the kept score 0.94625 shown to 4 places, HALF_EVEN
        assertTrue(gate.decision().contains("score 0.9462"), gate.decision());
        // and nobody else's trail mentions the gate
        assertFalse(trailQuotes(payout(result, "M2").trail(), "Executives get nothing when the customer gate fails"));
        // and the company's trail quotes the curve and the CX index sum
        List<RuleTrail.Entry> company = scope(result, ScopeRef.COMPANY).trail();
        assertTrue(trailQuotes(company, "A metric with enough answers is scored on the threshold-target-stretch curve"));
        assertTrue(trailQuotes(company, "The CX index of a scope is the sum of its weighted metric attainments"));
    }
}
