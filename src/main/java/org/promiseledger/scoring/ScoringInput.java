package org.promiseledger.scoring;

import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.DepartmentMetric;
import org.promiseledger.metrics.MomentOfTruthCheck;
import org.promiseledger.metrics.OrgChart;

/**
 * Everything scoring reads, all of it stored with the run: the metrics, the moment-of-truth checks, the targets,
 * which department owns which touchpoint, the org chart and the employees. A simulation scores the same input.
 *
 * @param employees the facts to score: one per employee paid on one whole-quarter segment (with the employee's own
 *        id), one per segment of an employee with mid-quarter changes (with the segment's key)
 * @param segments the segments by their fact's key; an employee fact whose id is not a key here is a whole quarter
 */
public record ScoringInput(List<DepartmentMetric> metrics, List<MomentOfTruthCheck> momentOfTruthChecks,
        List<Target> targets, Map<String, String> touchpointOwners, OrgChart org, List<Employee> employees,
        Map<String, Segment> segments) {

    public ScoringInput(List<DepartmentMetric> metrics, List<MomentOfTruthCheck> momentOfTruthChecks,
            List<Target> targets, Map<String, String> touchpointOwners, OrgChart org, List<Employee> employees) {
        this(metrics, momentOfTruthChecks, targets, touchpointOwners, org, employees, Map.of());
    }
}
