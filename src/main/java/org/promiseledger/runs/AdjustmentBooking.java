package org.promiseledger.runs;

import java.math.BigDecimal;
import java.util.Optional;

import org.promiseledger.ledger.Adjustments;
import org.promiseledger.ledger.LedgerColumn;
import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.period.Period;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books an adjustment (positive) or clawback (negative) on an approved period, for an employee paid in it. The payout
 * rows stay as they are; the adjustment is a new ledger row added to the next payroll export.
 */
@Service
public class AdjustmentBooking {

    private final RunRegistry registry;
    private final Adjustments adjustments;
    private final LedgerReads ledgerReads;

    AdjustmentBooking(RunRegistry registry, Adjustments adjustments, LedgerReads ledgerReads) {
        this.registry = registry;
        this.adjustments = adjustments;
        this.ledgerReads = ledgerReads;
    }

    @Transactional
    public ActionOutcome book(Period period, String employeeId, String amountText, String reason, String user) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(amountText.trim());
        } catch (NumberFormatException e) {
            return ActionOutcome.refused("--amount '" + amountText + "' is not a decimal number such as 250.00 or -120.50");
        }
        if (amount.scale() > 2) {
            return ActionOutcome.refused("--amount " + amountText + " has more than 2 decimals (cents)");
        }
        if (amount.abs().compareTo(LedgerColumn.AMOUNT.limit()) > 0) {
            return ActionOutcome.refused("--amount " + amountText + " is larger than the ledger keeps (at most "
                    + LedgerColumn.AMOUNT.limit().toPlainString() + ")");
        }
        if (amount.signum() == 0) {
            return ActionOutcome.refused("--amount must not be zero");
        }
        if (reason == null || reason.isBlank()) {
            return ActionOutcome.refused("--reason is required: say why, for the auditors");
        }
        if (reason.trim().length() > 1000) {
            return ActionOutcome.refused("--reason is longer than the ledger keeps (1000 characters)");
        }
        if (user.length() > 100) {
            return ActionOutcome.refused("--as is longer than the ledger keeps (100 characters)");
        }
        Optional<QuarterlyRunRecord> approved = registry.runsOf(period).stream()
                .filter(r -> r.state() == RunState.APPROVED || r.state() == RunState.EXPORTED).findFirst();
        if (approved.isEmpty()) {
            return ActionOutcome.refused(period + " has no approved run: correct the inputs and run it again instead");
        }
        long runId = approved.get().runId();
        if (!ledgerReads.hasPayout(runId, employeeId)) {
            return ActionOutcome.refused("employee " + employeeId + " has no payout in run " + runId + " of " + period);
        }
        BigDecimal cents = amount.setScale(2);
        adjustments.book(period.toString(), employeeId, cents, reason.trim(), user, runId);
        return ActionOutcome.done("Booked " + (cents.signum() < 0 ? "clawback " : "adjustment ") + cents.toPlainString()
                + " for " + employeeId + " in " + period + " (run " + runId + "); it goes into the next payroll export.");
    }
}
