package org.promiseledger.scoring;

import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.DepartmentMetric;
import org.promiseledger.metrics.MomentOfTruthCheck;
import org.promiseledger.metrics.OrgChart;

/**
 * Everything scoring reads, all of it stored with the run: the metrics, the moment-of-truth checks, the targets,
 * which department owns which touchpoint, the org chart and the employees. A simulation scores the same input.
 */
public record ScoringInput(List<DepartmentMetric> metrics, List<MomentOfTruthCheck> momentOfTruthChecks,
        List<Target> targets, Map<String, String> touchpointOwners, OrgChart org, List<Employee> employees) {
}
