package org.promiseledger.scoring;

import java.math.BigDecimal;

/** One weighted metric's share of a scope's CX index. */
public record CxContribution(String scope, String departmentId, String metric, BigDecimal weight, BigDecimal attainment,
        BigDecimal contribution) {
}
