package org.promiseledger.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.ledger.Adjustments;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.runs.ActionOutcome;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payroll file of an approved run: one row per employee, net = payout + the adjustments booked so far.
 * Deterministic, so exporting again without a new adjustment gives the same bytes.
 */
@Service
public class PayrollExport {

    private final RunRegistry registry;
    private final Adjustments adjustments;
    private final AuditLog audit;
    private final LedgerReads ledger;

    PayrollExport(RunRegistry registry, Adjustments adjustments, AuditLog audit, LedgerReads ledger) {
        this.registry = registry;
        this.adjustments = adjustments;
        this.audit = audit;
        this.ledger = ledger;
    }

    @Transactional
    public ActionOutcome export(Period period, Path out, String user) throws IOException {
        Optional<QuarterlyRunRecord> approved = registry.runsOf(period).stream()
                .filter(r -> r.state() == RunState.APPROVED || r.state() == RunState.EXPORTED).findFirst();
        if (approved.isEmpty()) {
            return ActionOutcome.refused(period + " has no approved run: approve it first (four eyes)");
        }
        QuarterlyRunRecord run = approved.get();
        record Paid(String employeeId, BigDecimal amount, String currency, String version) {
        }
        List<Paid> payouts = ledger.payoutsOf(run.runId()).stream()
                .map(p -> new Paid(p.employeeId(), p.amount(), p.currency(), p.ruleSetVersion())).toList();
        Map<String, BigDecimal> adjusted = adjustments.totalsOf(period.toString());
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.create(out, "period", "employee_id", "net_amount", "currency", "run_id",
                "rule_set_version")) {
            for (Paid p : payouts) {
                BigDecimal net = p.amount().add(adjusted.getOrDefault(p.employeeId(), BigDecimal.ZERO)).setScale(2);
                total = total.add(net);
                csv.row(period, p.employeeId(), net, p.currency(), run.runId(),
                        RuleSetFolder.shortVersion(p.version()));
            }
        }
        String details = payouts.size() + " rows, net total " + total.toPlainString() + " to " + out.toAbsolutePath();
        if (run.state() == RunState.APPROVED) {
            registry.transition(run.runId(), RunState.EXPORTED, user, out.toAbsolutePath().toString(),
                    new RunRegistry.AuditEntry("EXPORT_PAYROLL", details));
        } else {
            audit.record(user, "EXPORT_PAYROLL", period.toString(), run.runId(), details);
        }
        return ActionOutcome.done("Wrote the payroll of " + period + " (run " + run.runId() + "): " + payouts.size()
                + " employees, net total " + total.toPlainString() + ", to " + out);
    }
}
