package org.promiseledger.web.internal;

import java.util.List;
import java.util.Optional;

import org.promiseledger.kernel.LaunchCommand;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.springframework.stereotype.Component;

/**
 * The quarters a reader can choose: those with a run whose payouts stand (the period's latest calculated,
 * approved or exported run, as the payout export takes it).
 */
@Component
class CalculatedPeriods {

    private final RunRegistry registry;
    private final WorkforceStore workforces;

    CalculatedPeriods(RunRegistry registry, WorkforceStore workforces) {
        this.registry = registry;
        this.workforces = workforces;
    }

    /** Newest first. */
    List<Period> all() {
        return registry.periods().stream()
                .filter(p -> registry.latestCalculated(p).isPresent())
                .toList();
    }

    /** The period asked for, or the newest one with payouts; a malformed period is the reader's mistake (400). */
    Period chosen(String asked) {
        if (asked != null && !asked.isBlank()) {
            return parse(asked);
        }
        return all().stream().findFirst().orElseThrow(() -> new NotFoundException(
                "No quarter has been calculated yet: run one first (" + LaunchCommand.javaJar() + " demo)"));
    }

    /** A period typed in an address: a mistake there is the reader's (400), not the server's. */
    static Period parse(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    Optional<QuarterlyRunRecord> run(Period period) {
        return registry.latestCalculated(period);
    }

    QuarterlyRunRecord requireRun(Period period) {
        return run(period).orElseThrow(() -> new NotFoundException("No calculated run of " + period + "."));
    }

    /** The org of the period's run, or nobody when the period has no run (then only HR and auditors reach anyone). */
    Workforce workforce(Period period) {
        return run(period).map(r -> workforces.of(r.runId())).orElseGet(Workforce::empty);
    }
}
