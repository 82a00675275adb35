package org.promiseledger.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.springframework.stereotype.Component;

/** Builds the {@link AttainmentBoard} of a run from what it stored. */
@Component
class AttainmentBoards {

    private final AttainedMetricReader reader;

    AttainmentBoards(AttainedMetricReader reader) {
        this.reader = reader;
    }

    /** @param heatmapKind DEPARTMENT (the default) or SUBTREE, as typed in the address */
    AttainmentBoard of(String action, Period period, QuarterlyRunRecord run, Workforce workforce, String heatmapKind,
            MetricFilter filter) {
        return of(action, period, run, workforce, heatmapKind, filter, reader.cxIndexes(run.runId()));
    }

    AttainmentBoard of(String action, Period period, QuarterlyRunRecord run, Workforce workforce, String heatmapKind,
            MetricFilter filter, Map<ScopeRef, AttainedMetricReader.StoredCx> cx) {
        List<AttainedMetric> all = reader.of(run.runId());
        Heatmap heatmap = Heatmap.of(kind(heatmapKind), all, cx, workforce);
        Map<String, String> departments = new LinkedHashMap<>();
        OrgOrder.depthFirst(workforce.org()).forEach(d -> departments.put(d.departmentId(), workforce.departmentName(d.departmentId())));
        return new AttainmentBoard(action, period.toString(), heatmap, filter, filter.apply(all), all.size(), departments);
    }

    private static ScopeKind kind(String asked) {
        if (asked == null || asked.isBlank()) {
            return ScopeKind.DEPARTMENT;
        }
        try {
            return ScopeKind.valueOf(asked.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("heatmap '" + asked + "' is not one of DEPARTMENT, SUBTREE");
        }
    }
}
