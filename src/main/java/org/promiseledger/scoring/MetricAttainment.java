package org.promiseledger.scoring;

import java.math.BigDecimal;

/** What a scope's metric earned, and on what basis: CURVE, COMPANY_FALLBACK or INSUFFICIENT. */
public record MetricAttainment(String scope, String departmentId, String metric, BigDecimal attainment, String basis) {
}
