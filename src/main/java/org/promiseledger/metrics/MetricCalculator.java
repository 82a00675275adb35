package org.promiseledger.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a scope's counts into its metric rows: value, sample size and status. The company has the seven
 * external metrics; every department and subtree has those plus INTERNAL_SERVICE.
 */
final class MetricCalculator {

    private final int minSample;

    MetricCalculator(int minSample) {
        this.minSample = minSample;
    }

    List<DepartmentMetric> metricsOf(ScopeRef scope, ScopeCounts c, CompanyCustomers customers) {
        boolean company = scope.kind() == ScopeKind.COMPANY;
        Set<MetricCode> codes = company ? MetricCode.external() : Set.of(MetricCode.values());
        List<DepartmentMetric> rows = new ArrayList<>();
        for (MetricCode code : MetricCode.values()) {
            if (codes.contains(code)) {
                rows.add(metric(scope, code, c, customers));
            }
        }
        return rows;
    }

    private DepartmentMetric metric(ScopeRef scope, MetricCode code, ScopeCounts c, CompanyCustomers customers) {
        return switch (code) {
            case NPS -> row(scope, code, c.npsAnswers, () -> MetricFormulas.nps(c.promoters, c.detractors, c.npsAnswers));
            case CSAT -> row(scope, code, c.csatAnswers, () -> MetricFormulas.csat(c.satisfied, c.csatAnswers));
            case CES -> row(scope, code, c.effortAnswers, () -> MetricFormulas.ces(c.effortSum, c.effortAnswers));
            case FCR -> row(scope, code, c.contacts, () -> MetricFormulas.fcr(c.resolved, c.contacts));
            case COMPLAINT_RATE -> row(scope, code, c.customersTouched,
                    () -> MetricFormulas.complaintRate(c.upheldComplaints, c.customersTouched));
            case RETENTION -> scope.kind() == ScopeKind.COMPANY
                    ? row(scope, code, customers.activeAtStart(), () -> MetricFormulas.companyRetention(
                            customers.activeAtEnd(), customers.acquiredInPeriod(), customers.activeAtStart()))
                    : row(scope, code, c.touchedOrChurned,
                            () -> MetricFormulas.departmentRetention(c.churned, c.touchedOrChurned));
            case CONSISTENCY -> consistency(scope, c);
            case INTERNAL_SERVICE -> row(scope, code, c.internalAnswers,
                    () -> MetricFormulas.internalService(c.internalScoreSum, c.internalAnswers));
        };
    }

    /** Only channels with min-sample CSAT answers count; fewer than two such channels leave the value empty. */
    private DepartmentMetric consistency(ScopeRef scope, ScopeCounts c) {
        List<BigDecimal> channelCsats = new ArrayList<>();
        long sample = 0;
        for (Map.Entry<String, long[]> channel : c.channelCsat.entrySet()) {
            long answers = channel.getValue()[0];
            if (answers >= minSample) {
                channelCsats.add(MetricFormulas.exactPercent(channel.getValue()[1], answers));
                sample += answers;
            }
        }
        if (channelCsats.size() < 2) {
            return new DepartmentMetric(scope, MetricCode.CONSISTENCY, null, sample, MetricStatus.INSUFFICIENT);
        }
        return new DepartmentMetric(scope, MetricCode.CONSISTENCY, MetricFormulas.consistency(channelCsats), sample,
                status(sample));
    }

    private DepartmentMetric row(ScopeRef scope, MetricCode code, long sample, java.util.function.Supplier<BigDecimal> value) {
        return new DepartmentMetric(scope, code, sample > 0 ? value.get() : null, sample, status(sample));
    }

    private MetricStatus status(long sample) {
        return sample < minSample ? MetricStatus.INSUFFICIENT : MetricStatus.OK;
    }

    /** CSAT below the company's CSAT threshold, on enough answers, caps the CX index of every scope owning it. */
    MomentOfTruthCheck momentOfTruth(String touchpointId, String owner, long answers, long satisfied, BigDecimal companyThreshold) {
        BigDecimal csat = answers > 0 ? MetricFormulas.csat(satisfied, answers) : null;
        boolean fired = companyThreshold != null && answers >= minSample && csat.compareTo(companyThreshold) < 0;
        return new MomentOfTruthCheck(touchpointId, owner, csat, answers, companyThreshold, fired);
    }
}
