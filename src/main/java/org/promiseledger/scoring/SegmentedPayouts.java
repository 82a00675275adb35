package org.promiseledger.scoring;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Adds an employee's scored segments up to their one payout: amount = HALF_EVEN(Σ segment amounts) to cents; target
 * bonus = Σ segment target bonuses; score = Σ(segment target bonus × score) / Σ segment target bonus (weighted by
 * days when every segment's target bonus is 0); role, department and salary are the latest segment's.
 */
public final class SegmentedPayouts {

    private SegmentedPayouts() {
    }

    /**
     * A segment's exact amount: the rules decided its score, whether the cap binds and whether the gate closed; the
     * amount is the same min(target bonus × score, cap × target bonus) they round, left unrounded, because only the
     * employee's sum of segments is rounded to cents.
     *
     * @param cap the role's cap, or null when the plan has none
     */
    public static BigDecimal segmentAmount(Employee segment, PayoutDecision decision, PayoutCap cap) {
        if (decision.gated()) {
            return BigDecimal.ZERO;
        }
        BigDecimal uncapped = PlanMath.uncapped(segment.targetBonus(), decision.score());
        return cap == null ? uncapped : uncapped.min(PlanMath.capAmount(segment.targetBonus(), cap.multiple()));
    }

    public static ScoredPayout combine(List<ScoredSegment> scored) {
        List<ScoredSegment> segments = scored.stream().sorted(Comparator.comparing(s -> s.segment().from())).toList();
        ScoredSegment latest = segments.get(segments.size() - 1);
        String employeeId = latest.segment().employeeId();
        BigDecimal targetBonus = BigDecimal.ZERO;
        BigDecimal weightedScore = BigDecimal.ZERO;
        BigDecimal dayScore = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        int days = 0;
        List<RuleTrail.Entry> trail = new ArrayList<>();
        for (ScoredSegment s : segments) {
            targetBonus = targetBonus.add(s.employee().targetBonus(), PlanMath.MATH);
            weightedScore = weightedScore.add(s.employee().targetBonus().multiply(s.score(), PlanMath.MATH), PlanMath.MATH);
            dayScore = dayScore.add(s.score().multiply(BigDecimal.valueOf(s.segment().days()), PlanMath.MATH), PlanMath.MATH);
            days += s.segment().days();
            amount = amount.add(s.amount(), PlanMath.MATH);
            // the rules speak of the segment's fact; the ledger keeps one trail per employee, each entry dated
            s.trail().forEach(t -> trail.add(new RuleTrail.Entry("EMPLOYEE " + employeeId, t.ruleName(),
                    s.segment().dates() + ": " + t.decision())));
        }
        BigDecimal score = targetBonus.signum() != 0 ? weightedScore.divide(targetBonus, PlanMath.MATH)
                : dayScore.divide(BigDecimal.valueOf(days), PlanMath.MATH);
        Employee last = latest.employee();
        Employee employee = new Employee(employeeId, last.role(), last.departmentId(), last.baseSalary(), targetBonus,
                last.salesPct(), last.productivityPct());
        BigDecimal paid = amount.setScale(2, RoundingMode.HALF_EVEN);
        boolean capped = segments.stream().anyMatch(ScoredSegment::capped);
        boolean gated = segments.stream().anyMatch(ScoredSegment::gated);
        trail.add(new RuleTrail.Entry("EMPLOYEE " + employeeId, "Segments of the quarter add up to one payout",
                segments.size() + " segment(s), " + days + " of " + latest.segment().quarterDays() + " days: "
                        + String.join(" + ", segments.stream().map(s -> PlanMath.fmt(s.amount())).toList())
                        + " = " + PlanMath.money(paid)));
        return new ScoredPayout(employee, score, paid, capped, gated, List.of(), trail, segments);
    }
}
