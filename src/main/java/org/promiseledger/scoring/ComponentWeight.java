package org.promiseledger.scoring;

import java.math.BigDecimal;

/** The weight of one scorecard component (COMPANY_CX, DEPARTMENT_CX, SUBTREE_CX, INDIVIDUAL) for a role. */
public record ComponentWeight(String role, String component, BigDecimal weight) {
}
