package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.promiseledger.kernel.CodePoints;
import org.promiseledger.metrics.NpsInterval;
import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.scoring.CxIndex;
import org.promiseledger.scoring.ScopeResultStore;
import org.springframework.stereotype.Component;

/** The executive views that carry no individual pay: departments ranked by CX index, and the company's trend. */
@Component
class CxOverviewReader {

    /** A department's place in the ranking: its own CX index, its subtree's, and how its own was reached. */
    record RankedDepartment(int rank, String departmentId, String name, BigDecimal cxIndex, String basis,
            BigDecimal subtreeCxIndex) {

        public String reading() {
            return ScopeCardReader.cxReading(basis, false);
        }
    }

    /** One quarter of the company: CX index, NPS and its 90 % interval. */
    record CompanyQuarter(String period, long runId, BigDecimal cxIndex, BigDecimal nps, NpsInterval npsInterval) {
    }

    private final ScopeResultStore results;
    private final CalculatedPeriods periods;
    private final ScopeCardReader scopes;

    CxOverviewReader(ScopeResultStore results, CalculatedPeriods periods, ScopeCardReader scopes) {
        this.results = results;
        this.periods = periods;
        this.scopes = scopes;
    }

    /** Highest CX index first; ties by department id, so the order is the same on every database. */
    List<RankedDepartment> ranking(long runId, Workforce workforce) {
        record Row(String departmentId, BigDecimal cx, String basis, BigDecimal subtree) {
        }
        Map<ScopeRef, CxIndex> cx = results.cxIndexesOf(runId);
        List<Row> rows = cx.entrySet().stream().filter(e -> e.getKey().kind() == ScopeKind.DEPARTMENT).map(e -> {
            CxIndex subtree = cx.get(ScopeRef.subtree(e.getKey().departmentId()));
            return new Row(e.getKey().departmentId(), e.getValue().value(), e.getValue().basis(),
                    subtree == null ? null : subtree.value());
        }).toList();
        List<Row> ordered = rows.stream().sorted(Comparator.comparing(Row::cx, Comparator.reverseOrder())
                .thenComparing(Row::departmentId, CodePoints.ORDER)).toList();
        List<RankedDepartment> ranking = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Row r = ordered.get(i);
            ranking.add(new RankedDepartment(i + 1, r.departmentId(), workforce.departmentName(r.departmentId()), r.cx(),
                    r.basis(), r.subtree()));
        }
        return ranking;
    }

    /** Every quarter with payouts, oldest first. */
    List<CompanyQuarter> companyTrend() {
        List<CompanyQuarter> quarters = new ArrayList<>();
        List<Period> oldestFirst = new ArrayList<>(periods.all());
        java.util.Collections.reverse(oldestFirst);
        for (Period period : oldestFirst) {
            QuarterlyRunRecord run = periods.requireRun(period);
            ScopeCard company = scopes.read(run.runId(), ScopeRef.COMPANY, Workforce.empty(), null);
            MetricLine nps = company.metric("NPS");
            quarters.add(new CompanyQuarter(period.toString(), run.runId(), company.cxIndex(), nps == null ? null : nps.value(),
                    nps == null ? null : nps.npsInterval()));
        }
        return quarters;
    }

    static ChartData chartOf(List<CompanyQuarter> quarters) {
        return new ChartData(quarters.stream().map(CompanyQuarter::period).toList(), List.of(
                new ChartData.Series("Company CX index", "score", quarters.stream().map(CompanyQuarter::cxIndex).toList()),
                new ChartData.Series("Company NPS", "nps", quarters.stream().map(CompanyQuarter::nps).toList()),
                new ChartData.Series("NPS 90 % low", "nps", quarters.stream()
                        .map(q -> q.npsInterval() == null ? null : q.npsInterval().low()).toList()),
                new ChartData.Series("NPS 90 % high", "nps", quarters.stream()
                        .map(q -> q.npsInterval() == null ? null : q.npsInterval().high()).toList())));
    }
}
