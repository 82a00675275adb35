package org.promiseledger.runs;

import java.util.Optional;

import org.promiseledger.ledger.AuditLog;
import org.promiseledger.period.Period;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval with four eyes: the period's latest calculated run is approved by someone other than the person who
 * launched it. An approved run is frozen: no new calculation of its period, corrections are adjustments.
 */
@Service
public class RunApproval {

    private final RunRegistry registry;
    private final AuditLog audit;
    private final ObjectProvider<ApprovalGate> gates;

    RunApproval(RunRegistry registry, AuditLog audit, ObjectProvider<ApprovalGate> gates) {
        this.registry = registry;
        this.audit = audit;
        this.gates = gates;
    }

    @Transactional
    public ActionOutcome approve(Period period, String user) {
        Optional<QuarterlyRunRecord> latest = registry.latest(period);
        if (latest.isEmpty()) {
            return refuse(period, null, user, "no run of " + period + " to approve");
        }
        QuarterlyRunRecord run = latest.get();
        if (run.state() == RunState.APPROVED || run.state() == RunState.EXPORTED) {
            return refuse(period, run.runId(), user, "run " + run.runId() + " of " + period + " is already "
                    + run.state().name().toLowerCase());
        }
        if (run.state() != RunState.CALCULATED) {
            return refuse(period, run.runId(), user, "the latest run of " + period + " (run " + run.runId() + ") is "
                    + run.state() + ", not CALCULATED: run the period first");
        }
        if (run.launchedBy().equals(user)) {
            return refuse(period, run.runId(), user, "four eyes: " + user + " launched run " + run.runId()
                    + " and cannot approve it; another person must");
        }
        for (ApprovalGate gate : gates.orderedStream().toList()) {
            Optional<String> refusal = gate.refusal(run);
            if (refusal.isPresent()) {
                return refuse(period, run.runId(), user, refusal.get());
            }
        }
        registry.transition(run.runId(), RunState.APPROVED, user, null,
                new RunRegistry.AuditEntry("APPROVE", "approved run " + run.runId() + " launched by " + run.launchedBy()));
        return ActionOutcome.done("Run " + run.runId() + " of " + period + " approved by " + user
                + " (launched by " + run.launchedBy() + "). It is frozen; corrections are adjustments.");
    }

    private ActionOutcome refuse(Period period, Long runId, String user, String why) {
        audit.record(user, "APPROVE_REFUSED", period.toString(), runId, why);
        return ActionOutcome.refused(why);
    }
}
