package org.promiseledger.scoring;

import java.math.BigDecimal;

/** A scope's CX index before the moment-of-truth guard. */
public record RawCxIndex(String scope, String departmentId, BigDecimal value, String basis) {

    public String subject() {
        return Scope.subjectOf(scope, departmentId);
    }
}
