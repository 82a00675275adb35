package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.promiseledger.ingest.StagedWorkforce;
import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.scoring.CxIndex;
import org.promiseledger.scoring.ScopeResultStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A person's last four quarters. Each quarter is judged on its own org: a quarter in which the viewer could not
 * see this person's pay (they sat elsewhere then) shows no score or amount.
 */
@Component
class TrendReader {

    private final JdbcTemplate jdbc;
    private final StagedWorkforce staged;
    private final LedgerReads ledger;
    private final CalculatedPeriods periods;
    private final WorkforceStore workforces;
    private final PayVisibility visibility;
    private final ScopeResultStore results;

    TrendReader(JdbcTemplate jdbc, StagedWorkforce staged, CalculatedPeriods periods, WorkforceStore workforces,
            PayVisibility visibility, ScopeResultStore results, LedgerReads ledger) {
        this.jdbc = jdbc;
        this.staged = staged;
        this.results = results;
        this.ledger = ledger;
        this.periods = periods;
        this.workforces = workforces;
        this.visibility = visibility;
    }

    List<TrendPoint> lastFourQuarters(Viewer viewer, String employeeId, Period last) {
        List<Period> quarters = List.of(last.previous().previous().previous(), last.previous().previous(), last.previous(), last);
        List<TrendPoint> points = new ArrayList<>();
        for (Period quarter : quarters) {
            Optional<QuarterlyRunRecord> run = periods.run(quarter);
            if (run.isEmpty()) {
                points.add(new TrendPoint(quarter.toString(), null, null, null, null));
                continue;
            }
            long runId = run.get().runId();
            BigDecimal companyCx = cx(runId, ScopeRef.COMPANY);
            record Placed(String departmentId, String role) {
            }
            Optional<Placed> placed = staged.segmentsOf(runId, employeeId).stream()
                    .map(m -> new Placed(m.departmentId(), m.role())).reduce((earlier, later) -> later);
            // judged on that quarter's org, read only when the answer depends on it
            boolean visible = placed.isPresent() && visibility.maySeePay(viewer, employeeId, () -> workforces.of(runId));
            if (!visible) {
                points.add(new TrendPoint(quarter.toString(), null, null, companyCx, null));
                continue;
            }
            record Paid(BigDecimal score, BigDecimal amount) {
            }
            Paid paid = ledger.payout(runId, employeeId).map(p -> new Paid(p.score(), p.amount())).orElse(new Paid(null, null));
            // the unit the person is scored on besides the company, as the plan weighed it that quarter
            String unitOf = placed.get().departmentId();
            ScopeRef unit = scoredOnSubtree(runId, employeeId) ? ScopeRef.subtree(unitOf) : ScopeRef.department(unitOf);
            points.add(new TrendPoint(quarter.toString(), paid.score(), paid.amount(), companyCx, cx(runId, unit)));
        }
        return points;
    }

    static ChartData chartOf(List<TrendPoint> points, String scoreLabel, String unitLabel) {
        return new ChartData(points.stream().map(TrendPoint::period).toList(), List.of(
                new ChartData.Series(scoreLabel, "score", points.stream().map(TrendPoint::score).toList()),
                new ChartData.Series("Company CX index", "score", points.stream().map(TrendPoint::companyCx).toList()),
                new ChartData.Series(unitLabel, "score", points.stream().map(TrendPoint::unitCx).toList())));
    }

    private BigDecimal cx(long runId, ScopeRef scope) {
        return results.cxIndexOf(runId, scope).map(CxIndex::value).orElse(null);
    }

    /** Whether the booked payout lines weigh the subtree's CX index ({@link PlanUnit}). */
    private boolean scoredOnSubtree(long runId, String employeeId) {
        return PlanUnit.scoredOnSubtree(ledger.lines(runId, employeeId).stream()
                .map(l -> new PlanUnit.WeightedLine(l.segmentFrom(), l.component(), l.weight())).toList());
    }
}
