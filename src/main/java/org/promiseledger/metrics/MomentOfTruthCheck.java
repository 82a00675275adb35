package org.promiseledger.metrics;

import java.math.BigDecimal;

/**
 * The moment-of-truth check of one touchpoint: its CSAT and sample, the company CSAT threshold it was held to, and
 * whether the guard fired (enough answers and CSAT below the threshold). Stored with the run so re-scoring needs
 * nothing but stored values.
 */
public record MomentOfTruthCheck(String touchpointId, String ownerDepartmentId, BigDecimal csat, long csatSample,
        BigDecimal companyThreshold, boolean fired) {
}
