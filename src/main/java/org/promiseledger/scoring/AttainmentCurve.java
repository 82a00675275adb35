package org.promiseledger.scoring;

import java.math.BigDecimal;

/** The plan's attainment curve: what a metric earns at threshold, target and stretch, and the most it can earn. */
public record AttainmentCurve(BigDecimal atThreshold, BigDecimal atTarget, BigDecimal atStretch, BigDecimal cap) {
}
