package org.promiseledger.scoring;

import java.math.BigDecimal;

/**
 * What the plan decided to pay one employee: the score, the cap that applied, and the amount in cents. When the
 * customer gate closes, the score is kept and the amount is zero.
 */
public record PayoutDecision(String employeeId, String role, BigDecimal score, BigDecimal amount, boolean capped, boolean gated) {

    public PayoutDecision closedByGate() {
        return new PayoutDecision(employeeId, role, score, BigDecimal.ZERO.setScale(2), capped, true);
    }
}
