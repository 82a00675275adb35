package org.promiseledger.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.metrics.MetricCode;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.rules.CompiledRuleSet;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.support.RulesCopy;

/**
 * The customer gate's subject is the rules' decision: the shipped gate-subject rule inserts a {@link CustomerGate}
 * fact per employee (applies to executives), the closing rule closes it, and the scorer turns both into the booked
 * CUSTOMER_GATE decision. Moving the gate to managers is a one-word change in the rules, and Java follows.
 */
class CustomerGateRuleTests {

    @TempDir
    Path temp;

    /** D1 with an executive, a manager and a staff member; company NPS 10 against threshold 20 attains 0. */
    private static PlanFixture gateFails() {
        return new PlanFixture()
                .department("D1", null).touchpoint("T1", "D1")
                .external(ScopeRef.COMPANY, "50", "75", "70", "15", "95", "85")
                .external(ScopeRef.department("D1"), "30", "80", "65", "10", "90", "90")
                .external(ScopeRef.subtree("D1"), "30", "80", "65", "10", "90", "90")
                .metric(ScopeRef.COMPANY, MetricCode.NPS, "10", 100)
                .employee("E1", "EXECUTIVE", "D1", "100000", "20", "110", "90")
                .employee("M1", "MANAGER", "D1", "60000", "10", "120", "100")
                .employee("S1", "STAFF", "D1", "40000", "5", null, null);
    }

    private static ScoredPayout payout(ScoringResult result, String id) {
        return result.payouts().stream().filter(p -> p.employee().employeeId().equals(id)).findFirst().orElseThrow();
    }

    private static PlanDecision gate(ScoredPayout p) {
        List<PlanDecision> gates = p.decisions().stream().filter(d -> d.kind().equals(PlanDecision.CUSTOMER_GATE)).toList();
        assertThat(gates).hasSize(1);
        return gates.get(0);
    }

    @Test
    void theShippedSubjectRuleAppliesTheGateToExecutivesOnlyAndTheClosingRuleClosesIt() {
        ScoringResult result = new PlanScorer(new RuleSetCompiler().compile(Path.of("rules")), gateFails().input()).score(() -> { });

        PlanDecision executive = gate(payout(result, "E1"));
        assertThat(executive.applies()).isTrue();
        assertThat(executive.outcome()).isEqualTo(PlanDecision.CLOSED);
        assertThat(executive.value()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(executive.measure()).isEqualTo("company NPS");
        assertThat(executive.ruleName()).isEqualTo("Executives get nothing when the customer gate fails");
        assertThat(payout(result, "E1").amount()).isEqualByComparingTo("0.00");
        PlanDecision manager = gate(payout(result, "M1"));
        assertThat(manager.applies()).isFalse();
        assertThat(manager.outcome()).isEqualTo(PlanDecision.NOT_APPLICABLE);
        assertThat(manager.ruleName()).isEqualTo("The customer gate applies to executives and watches the company's NPS");
        // the other decisions are booked too: the staff member's missing performance row, and whether each cap bound
        assertThat(payout(result, "S1").decisions()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo(PlanDecision.FALLBACK);
            assertThat(d.outcome()).isEqualTo("INDIVIDUAL");
            assertThat(d.value()).isEqualByComparingTo(BigDecimal.ZERO);
        });
        assertThat(payout(result, "M1").decisions()).filteredOn(d -> d.kind().equals(PlanDecision.CAP)).singleElement()
                .satisfies(d -> assertThat(d.applies()).isFalse());
    }

    @Test
    void movingTheGateToManagersInTheRulesGatesManagersAndNotExecutives() throws Exception {
        Path rules = RulesCopy.of(temp.resolve("rules"));
        Path drl = rules.resolve("scorecard.drl");
        String text = Files.readString(drl, StandardCharsets.UTF_8);
        String moved = text.replace("\"EXECUTIVE\".equals($e.role())", "\"MANAGER\".equals($e.role())")
                .replace("rule \"Executives get nothing when the customer gate fails\"", "rule \"Gated people get zero\"");
        assertThat(moved).isNotEqualTo(text);
        Files.writeString(drl, moved, StandardCharsets.UTF_8);
        CompiledRuleSet candidate = new RuleSetCompiler().compile(rules);

        ScoringResult result = new PlanScorer(candidate, gateFails().input()).score(() -> { });

        assertThat(payout(result, "M1").amount()).isEqualByComparingTo("0.00");
        assertThat(payout(result, "M1").gated()).isTrue();
        assertThat(gate(payout(result, "M1")).outcome()).isEqualTo(PlanDecision.CLOSED);
        assertThat(gate(payout(result, "M1")).ruleName()).isEqualTo("Gated people get zero");
        assertThat(payout(result, "E1").amount().signum()).isPositive();
        assertThat(payout(result, "E1").gated()).isFalse();
        assertThat(gate(payout(result, "E1")).outcome()).isEqualTo(PlanDecision.NOT_APPLICABLE);
    }
}
