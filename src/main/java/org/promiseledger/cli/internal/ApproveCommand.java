package org.promiseledger.cli.internal;

import java.util.concurrent.Callable;

import org.promiseledger.period.Period;
import org.promiseledger.runs.RunApproval;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Component
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approves the period's latest calculated run (four eyes: not by the person who launched it).",
                "An approved period is frozen: no new calculation, corrections are adjustments."})
public class ApproveCommand implements Callable<Integer> {

    @Option(names = "--period", required = true, description = "the quarter, e.g. 2026-Q3")
    String period;

    @Option(names = "--as", description = "who approves (default: the operating-system user)")
    String as;

    private final RunApproval approval;

    ApproveCommand(RunApproval approval) {
        this.approval = approval;
    }

    @Override
    public Integer call() {
        return Actions.report(() -> approval.approve(Period.parse(period), Actions.user(as)));
    }
}
