package org.promiseledger.scoring;

import java.util.List;

/**
 * A scope handed to the rules: whether it owns touchpoints (which decides its CX profile) and the
 * moment-of-truth touchpoints it owns that failed their check.
 */
public record Scope(String scope, String departmentId, boolean ownsTouchpoints, List<String> failedMomentsOfTruth) {

    public static final String CUSTOMER_FACING = "CUSTOMER_FACING";
    public static final String INTERNAL_ONLY = "INTERNAL_ONLY";

    public String profile() {
        return ownsTouchpoints ? CUSTOMER_FACING : INTERNAL_ONLY;
    }

    public boolean failedAMomentOfTruth() {
        return !failedMomentsOfTruth.isEmpty();
    }

    public String subject() {
        return subjectOf(scope, departmentId);
    }

    public static String subjectOf(String scope, String departmentId) {
        return "COMPANY".equals(scope) ? "COMPANY" : scope + " " + departmentId;
    }
}
