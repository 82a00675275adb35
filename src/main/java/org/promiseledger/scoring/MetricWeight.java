package org.promiseledger.scoring;

import java.math.BigDecimal;

/** The weight of one metric in the CX index of a profile, from the CX weights decision table. */
public record MetricWeight(String profile, String metric, BigDecimal weight) {
}
