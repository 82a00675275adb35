package org.promiseledger.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A decimal column of the ledger as the Liquibase changelog defines it, DECIMAL(precision, scale). Values are checked
 * before anything is written, because an overflow is not something a retry fixes (and LOAD DATA would clip it).
 */
public record LedgerColumn(String name, int precision, int scale) {

    public static final LedgerColumn BASE_SALARY = new LedgerColumn("base_salary", 23, 8);
    public static final LedgerColumn TARGET_BONUS = new LedgerColumn("target_bonus", 40, 18);
    public static final LedgerColumn SCORE = new LedgerColumn("score", 30, 12);
    public static final LedgerColumn AMOUNT = new LedgerColumn("amount", 19, 2);
    public static final LedgerColumn LINE_WEIGHT = new LedgerColumn("weight", 30, 12);
    public static final LedgerColumn LINE_ATTAINMENT = new LedgerColumn("attainment", 30, 12);
    public static final LedgerColumn LINE_CONTRIBUTION = new LedgerColumn("contribution", 30, 12);
    public static final LedgerColumn DECIDED_VALUE = new LedgerColumn("decided_value", 30, 12);
    public static final LedgerColumn SEGMENT_TARGET_BONUS = new LedgerColumn("segment_target_bonus", 40, 18);

    /** The largest magnitude the column holds. */
    public BigDecimal limit() {
        return BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
    }

    /** The value at the column's scale, or the refusal naming whose value it is. */
    public BigDecimal fit(BigDecimal value, RoundingMode rounding, String whose) {
        if (value == null) {
            return null;
        }
        BigDecimal scaled = value.setScale(scale, rounding);
        if (scaled.abs().compareTo(limit()) > 0) {
            throw new UnstorableValueException(whose + ": " + name + " " + value.stripTrailingZeros().toPlainString()
                    + " has more digits than the ledger keeps (at most " + (precision - scale)
                    + " before the point); check the inputs and the plan's weights and caps");
        }
        return scaled;
    }
}
