package org.promiseledger.web.internal;

import java.math.BigDecimal;

/**
 * One quarter of a person's trend; nulls where the quarter has no run or the person was not paid in it. unitCx is
 * the CX index of the unit the person is scored on: an executive's subtree, anyone else's department.
 */
record TrendPoint(String period, BigDecimal score, BigDecimal amount, BigDecimal companyCx, BigDecimal unitCx) {
}
