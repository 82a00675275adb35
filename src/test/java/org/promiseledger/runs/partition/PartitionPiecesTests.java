package org.promiseledger.runs.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.runs.partition.internal.PartitionResultStore;
import org.promiseledger.runs.partition.internal.PartitioningSettings;
import org.promiseledger.scoring.CxIndex;
import org.promiseledger.scoring.Employee;
import org.promiseledger.scoring.MetricAttainment;
import org.promiseledger.scoring.RuleTrail;
import org.promiseledger.scoring.ScopeResult;
import org.promiseledger.scoring.ScoreLine;
import org.promiseledger.scoring.ScoredPayout;
import org.promiseledger.scoring.ScoringResult;

/** The pieces of remote partitioning that need no broker: the department cut and the stored results' round trip. */
class PartitionPiecesTests {

    @Test
    void departmentsAreCutIntoContiguousRangesInCodePointOrderCoveringEachOnce() {
        List<String> departments = List.of("D10", "D02", "D01", "Z", "a", "D03", "D11");

        List<DepartmentRanges.Range> ranges = DepartmentRanges.cut(departments, 3);

        assertThat(ranges).containsExactly(new DepartmentRanges.Range("D01", "D02"), new DepartmentRanges.Range("D03", "D10"),
                new DepartmentRanges.Range("D11", "a"));
        for (String department : departments) {
            assertThat(ranges.stream().filter(r -> r.contains(department))).as(department).hasSize(1);
        }
        assertThat(DepartmentRanges.cut(departments, 3)).as("the same cut again, for a restart").isEqualTo(ranges);
        assertThat(DepartmentRanges.cut(List.of("D1", "D2"), 8)).as("never more ranges than departments").hasSize(2);
    }

    @Test
    void aStoredPartitionReadsBackEqualDecimalScalesAndNullsIncluded() {
        Employee employee = new Employee("E\u00e91", "STAFF", "D01", new BigDecimal("50000.00"), new BigDecimal("5000.0000"), null,
                new BigDecimal("1E+2"));
        ScoredPayout payout = new ScoredPayout(employee, new BigDecimal("0.8750"), new BigDecimal("4375.00"), false, true,
                List.of(new ScoreLine("E\u00e91", "COMPANY_CX", new BigDecimal("0.40"), new BigDecimal("1.2500"), new BigDecimal("0.500000"))),
                List.of(new RuleTrail.Entry("EMPLOYEE E\u00e91", "Staff are paid on the company", "score 0.8750 \"quoted\"")));
        ScopeResult scope = new ScopeResult(ScopeRef.department("D01"),
                List.of(new MetricAttainment("DEPARTMENT", "D01", "NPS", new BigDecimal("0.0000"), "CURVE")),
                new CxIndex("DEPARTMENT", "D01", new BigDecimal("1.0100"), "WEIGHTED"), List.of());
        ScoringResult result = new ScoringResult(List.of(scope), List.of(payout));
        PartitionResultStore store = new PartitionResultStore(null);

        ScoringResult back = store.decode(store.encode(result));

        assertThat(back).isEqualTo(result);
        assertThat(back.payouts().get(0).employee().targetBonus().scale()).isEqualTo(4);
        assertThat(back.payouts().get(0).employee().productivityPct().scale()).isEqualTo(-2);
    }

    @Test
    void collectingRefusesPartitionsThatMissADepartment() {
        List<PartitionResultStore.StoredPartition> none = new ArrayList<>();
        PartitionResultStore empty = new PartitionResultStore(null) {
            @Override
            public List<StoredPartition> partitionsOf(long runId) {
                return none;
            }
        };
        RemoteScoring remote = new RemoteScoring(new PartitioningSettings("remote", null, null, null, null), null, null, null, null, empty);
        org.promiseledger.scoring.ScoringInput input = new org.promiseledger.scoring.ScoringInput(List.of(), List.of(), List.of(),
                java.util.Map.of(), new org.promiseledger.metrics.OrgChart(java.util.Collections.singletonMap("D01", null)), List.of());

        assertThatThrownBy(() -> remote.collect(7, input, () -> { }))
                .isInstanceOf(RemoteScoringFailed.class).hasMessageContaining("miss 1 departments (first D01)");
    }
}
