package org.promiseledger.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.promiseledger.scoring.PlanFixture.d;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.rules.RuleSetCompiler;

/**
 * Payouts handed over as their departments are scored (so the booking can start before the last department) are
 * exactly those scored all at once, in the same order: the scoring step books either, and the ledger's rows and
 * hashes must not depend on which.
 */
class StreamedPayoutsTests {

    @Test
    void streamedPayoutsAreThePayoutsScoredAllAtOnceInTheSameOrder() {
        // given three departments, employee ids that interleave them (and sort by code point: "Z9" before "a1"),
        // and a transfer from D1 to D3 on 2026-08-16, whose payout waits for both departments
        PlanFixture fixture = new PlanFixture().department("D1", null).department("D2", "D1").department("D3", "D1")
                .touchpoint("T1", "D2");
        for (ScopeRef ref : List.of(ScopeRef.COMPANY, ScopeRef.department("D1"), ScopeRef.subtree("D1"),
                ScopeRef.department("D2"), ScopeRef.subtree("D2"), ScopeRef.department("D3"), ScopeRef.subtree("D3"))) {
            fixture.external(ref, "45", "82", "71", "9", "91", "88");
        }
        fixture.employee("a1", "STAFF", "D1", "40000", "10", "90", "110")
                .employee("B2", "MANAGER", "D3", "90000", "20", "100", "95")
                .employee("Z9", "STAFF", "D2", "41000", "10", null, null)
                .employee("B1", "EXECUTIVE", "D1", "300000", "40", "120", "100")
                .employee("C7", "STAFF", "D2", "42000", "10", "80", "85");
        ScoringInput base = fixture.input();
        LocalDate moved = LocalDate.of(2026, 8, 16);
        Segment before = new Segment(Segment.keyOf("M5", LocalDate.of(2026, 7, 1), moved.minusDays(1)), "M5",
                LocalDate.of(2026, 7, 1), moved.minusDays(1), 46, 92);
        Segment after = new Segment(Segment.keyOf("M5", moved, LocalDate.of(2026, 9, 30)), "M5", moved,
                LocalDate.of(2026, 9, 30), 46, 92);
        List<Employee> employees = new ArrayList<>(base.employees());
        employees.add(new Employee(before.key(), "STAFF", "D1", d("40000"), d("2000"), d("90"), d("100")));
        employees.add(new Employee(after.key(), "MANAGER", "D3", d("60000"), d("6000"), d("90"), d("100")));
        ScoringInput input = new ScoringInput(base.metrics(), base.momentOfTruthChecks(), base.targets(),
                base.touchpointOwners(), base.org(), employees, Map.of(before.key(), before, after.key(), after));
        PlanScorer scorer = new PlanScorer(new RuleSetCompiler().compile(Path.of("rules")), input);

        // when
        ScoringResult atOnce = scorer.score(() -> { });
        List<ScoredPayout> streamed = new ArrayList<>();
        List<ScopeResult> scopes = scorer.score(() -> { }, streamed::add);

        // then
        assertEquals(List.of("B1", "B2", "C7", "M5", "Z9", "a1"), streamed.stream().map(p -> p.employee().employeeId()).toList());
        assertEquals(atOnce.payouts(), streamed);
        assertEquals(atOnce.scopes(), scopes);
        assertEquals(2, streamed.get(3).segments().size());
    }
}
