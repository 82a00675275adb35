package org.promiseledger.cli.internal;

import java.util.concurrent.Callable;

import org.promiseledger.period.Period;
import org.promiseledger.runs.AdjustmentBooking;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "adjust", mixinStandardHelpOptions = true,
        description = {"Books an adjustment (positive) or clawback (negative) for an employee of an approved period.",
                "It is a new ledger row; the payouts stay as they are; the next payroll export includes it."})
public class AdjustCommand implements Callable<Integer> {

    @Option(names = "--employee", required = true, description = "the employee id")
    String employee;

    @Option(names = "--period", required = true, description = "the quarter, e.g. 2026-Q3")
    String period;

    @Option(names = "--amount", required = true, description = "e.g. 250.00, or -120.50 for a clawback")
    String amount;

    @Option(names = "--reason", required = true, description = "why, in words, for the auditors")
    String reason;

    @Option(names = "--as", description = "who books it (default: the operating-system user)")
    String as;

    private final AdjustmentBooking booking;

    AdjustCommand(AdjustmentBooking booking) {
        this.booking = booking;
    }

    @Override
    public Integer call() {
        return Actions.report(() -> booking.book(Period.parse(period), employee, amount, reason, Actions.user(as)));
    }
}
