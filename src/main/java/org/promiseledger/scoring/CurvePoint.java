package org.promiseledger.scoring;

import java.math.BigDecimal;

/** The value the curve table gives one point of the attainment curve. */
public record CurvePoint(String name, BigDecimal value) {
}
