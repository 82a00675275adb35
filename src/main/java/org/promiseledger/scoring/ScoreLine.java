package org.promiseledger.scoring;

import java.math.BigDecimal;

/** A weighted component of an employee's score: weight × attainment = contribution, kept exact. */
public record ScoreLine(String employeeId, String component, BigDecimal weight, BigDecimal attainment, BigDecimal contribution) {
}
