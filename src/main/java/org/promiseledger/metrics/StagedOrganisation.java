package org.promiseledger.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's accepted organisation rows that aggregation needs: the department tree, the touchpoints and the company
 * thresholds. Ingest owns those tables (in_department, in_touchpoint, in_target) and implements this; ingest itself
 * validates targets against {@link MetricCode}, so metrics declares what it needs here instead of importing ingest.
 */
public interface StagedOrganisation {

    /** One touchpoints.csv row as aggregation sees it. */
    record Touchpoint(String touchpointId, String ownerDepartmentId, String channel, boolean momentOfTruth) {
    }

    /** @return department id -> parent id (null or empty at the top) */
    Map<String, String> departmentParents(long runId);

    /** @return every touchpoint of the run, in the order the database gives them */
    List<Touchpoint> touchpoints(long runId);

    /** @return the company's threshold for a metric (targets.csv, scope COMPANY), empty when there is none */
    Optional<BigDecimal> companyThreshold(long runId, MetricCode metric);
}
