package org.promiseledger.scoring;

import java.math.BigDecimal;

/** A scope's final CX index, after fallbacks and the moment-of-truth guard; basis says how it was reached. */
public record CxIndex(String scope, String departmentId, BigDecimal value, String basis) {
}
