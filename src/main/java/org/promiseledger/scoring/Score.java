package org.promiseledger.scoring;

import java.math.BigDecimal;

/** An employee's score: the sum of the weighted components. */
public record Score(String employeeId, BigDecimal value) {
}
