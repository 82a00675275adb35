package org.promiseledger.scoring;

import java.math.BigDecimal;

/** What one scorecard component of an employee attained, before its weight. */
public record ComponentAttainment(String employeeId, String component, BigDecimal attainment) {
}
