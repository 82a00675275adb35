package org.promiseledger.scoring;

import java.math.BigDecimal;

/**
 * An employee handed to the rules. targetBonus = base salary × target bonus % / 100, not rounded; the two
 * individual percentages are null when performance.csv has no row for the employee.
 */
public record Employee(String employeeId, String role, String departmentId, BigDecimal baseSalary, BigDecimal targetBonus,
        BigDecimal salesPct, BigDecimal productivityPct) {

    public boolean hasPerformance() {
        return salesPct != null && productivityPct != null;
    }

    public String subject() {
        return "EMPLOYEE " + employeeId;
    }
}
