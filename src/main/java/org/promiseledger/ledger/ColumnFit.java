package org.promiseledger.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@link LedgerColumn#fit} for the booking loop, which fits about half a million values a run: the column's limit is
 * computed once, not per value, and the label naming whose value it is only when the value does not fit (then
 * {@link LedgerColumn#fit} refuses it, with its own message). Same scaling, same rounding, same refusals.
 */
final class ColumnFit {

    static final ColumnFit BASE_SALARY = new ColumnFit(LedgerColumn.BASE_SALARY);
    static final ColumnFit TARGET_BONUS = new ColumnFit(LedgerColumn.TARGET_BONUS);
    static final ColumnFit SCORE = new ColumnFit(LedgerColumn.SCORE);
    static final ColumnFit AMOUNT = new ColumnFit(LedgerColumn.AMOUNT);
    static final ColumnFit LINE_WEIGHT = new ColumnFit(LedgerColumn.LINE_WEIGHT);
    static final ColumnFit LINE_ATTAINMENT = new ColumnFit(LedgerColumn.LINE_ATTAINMENT);
    static final ColumnFit LINE_CONTRIBUTION = new ColumnFit(LedgerColumn.LINE_CONTRIBUTION);
    static final ColumnFit DECIDED_VALUE = new ColumnFit(LedgerColumn.DECIDED_VALUE);
    static final ColumnFit SEGMENT_TARGET_BONUS = new ColumnFit(LedgerColumn.SEGMENT_TARGET_BONUS);

    private final LedgerColumn column;
    private final BigDecimal limit;

    private ColumnFit(LedgerColumn column) {
        this.column = column;
        this.limit = column.limit();
    }

    /**
     * The value at the column's scale (null stays null), as {@link LedgerColumn#fit} gives it.
     *
     * @param employeeId whose value it is: the refusal says "employee " + employeeId
     * @param part which of the employee's rows, or null for the payout: e.g. ", line " with what = "INDIVIDUAL"
     * @throws UnstorableValueException if the value has more digits than the column keeps
     * @throws ArithmeticException if {@code rounding} is UNNECESSARY and the value has more decimals than the column
     */
    BigDecimal fit(BigDecimal value, RoundingMode rounding, String employeeId, String part, String what) {
        if (value == null) {
            return null;
        }
        BigDecimal scaled = value.setScale(column.scale(), rounding);
        if (scaled.abs().compareTo(limit) > 0) {
            return column.fit(value, rounding, "employee " + employeeId + (part == null ? "" : part + what));
        }
        return scaled;
    }
}
