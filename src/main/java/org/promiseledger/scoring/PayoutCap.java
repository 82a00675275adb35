package org.promiseledger.scoring;

import java.math.BigDecimal;

/** The most a role can be paid, as a multiple of the target bonus. */
public record PayoutCap(String role, BigDecimal multiple) {
}
