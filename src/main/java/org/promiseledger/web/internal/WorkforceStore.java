package org.promiseledger.web.internal;

import java.util.HashMap;
import java.util.Map;

import org.promiseledger.ingest.StagedWorkforce;
import org.promiseledger.metrics.OrgChart;
import org.springframework.stereotype.Repository;

/** A run's employees and departments, as ingest staged them, for visibility decisions and labels. */
@Repository
public class WorkforceStore {

    private final StagedWorkforce staged;

    WorkforceStore(StagedWorkforce staged) {
        this.staged = staged;
    }

    /** The employees and departments as staged for that run (quarterly_run.id). */
    public Workforce of(long runId) {
        Map<String, Workforce.Member> members = new HashMap<>();
        // who sees whose pay follows the latest segment, which comes last and wins
        staged.members(runId).forEach(m -> members.put(m.employeeId(), new Workforce.Member(m.employeeId(), m.name(),
                m.departmentId(), m.role(), emptyToNull(m.managerId()))));
        Map<String, String> names = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        staged.departments(runId).forEach(d -> {
            names.put(d.departmentId(), d.name());
            parents.put(d.departmentId(), emptyToNull(d.parentId()));
        });
        return new Workforce(Map.copyOf(members), Map.copyOf(names), new OrgChart(parents));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
