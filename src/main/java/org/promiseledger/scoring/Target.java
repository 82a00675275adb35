package org.promiseledger.scoring;

import java.math.BigDecimal;

/** A row of targets.csv: the threshold, target and stretch of a metric for the company or one department. */
public record Target(String metric, String scope, BigDecimal threshold, BigDecimal target, BigDecimal stretch) {
}
