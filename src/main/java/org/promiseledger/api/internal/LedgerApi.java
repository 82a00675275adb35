package org.promiseledger.api.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.promiseledger.export.PayrollExport;
import org.promiseledger.ingest.StagedInputs;
import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.metrics.DepartmentMetric;
import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.runs.ActionOutcome;
import org.promiseledger.runs.AdjustmentBooking;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunApproval;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.promiseledger.web.PayReach;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A period's results through the API — metrics, payouts, rejects — and HR's actions on them: approval (four eyes),
 * adjustments and clawbacks, the payroll export. Each read takes the run the matching command-line export takes;
 * each action is the command line's own service.
 */
@RestController
@RequestMapping("/api/v1")
@ConditionalOnWebApplication
@Tag(name = "ledger", description = "Metrics, payouts, rejects, approvals, adjustments and the payroll export of a period")
class LedgerApi {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    record MetricJson(String period, String scope, String departmentId, String metric, BigDecimal value, long sampleSize,
            String status, long runId) {
    }

    record ApprovalRequest(String period) {
    }

    record ApprovalJson(String period, long runId, String state, String launchedBy, String approvedBy, Instant approvedAt) {
    }

    record AdjustmentRequest(String period, String employeeId, String amount, String reason) {
    }

    record Done(String message) {
    }

    record PayrollRow(String period, String employeeId, BigDecimal netAmount, String currency, long runId,
            String ruleSetVersion) {
    }

    private final RunRegistry registry;
    private final DepartmentMetricStore metrics;
    private final LedgerReads ledger;
    private final StagedInputs staged;
    private final PayReach reach;
    private final RunApproval approval;
    private final AdjustmentBooking adjustments;
    private final PayrollExport payroll;

    LedgerApi(RunRegistry registry, DepartmentMetricStore metrics, LedgerReads ledger, StagedInputs staged, PayReach reach,
            RunApproval approval, AdjustmentBooking adjustments, PayrollExport payroll) {
        this.registry = registry;
        this.metrics = metrics;
        this.ledger = ledger;
        this.staged = staged;
        this.reach = reach;
        this.approval = approval;
        this.adjustments = adjustments;
        this.payroll = payroll;
    }

    @GetMapping("/metrics")
    @Operation(summary = "Every metric of every scope of the period's latest calculated run (the metrics export)")
    Object metrics(@RequestParam String period, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        QuarterlyRunRecord run = latestCalculated(period);
        List<MetricJson> rows = metrics.metricsOf(run.runId()).stream().sorted((a, b) -> {
            int byScope = a.scope().compareTo(b.scope());
            return byScope != 0 ? byScope : a.metric().compareTo(b.metric());
        }).map(m -> json(run, m)).toList();
        return Paging.of(rows, page, size);
    }

    @GetMapping("/payouts")
    @Operation(summary = "The payouts of the period's latest calculated run, by employee_id; only those the token's"
            + " login may see (its own, its reports', its subtree's; everyone's for HR and auditors)")
    Object payouts(@AuthenticationPrincipal ApiCaller caller, @RequestParam String period,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        QuarterlyRunRecord run = latestCalculated(period);
        Predicate<String> visible = reach.payVisibleTo(new PayReach.Caller(caller.username(), caller.role(), caller.employeeId()),
                run.runId());
        List<LedgerReads.Payout> rows = ledger.payoutsOf(run.runId()).stream().filter(p -> visible.test(p.employeeId()))
                .map(p -> new LedgerReads.Payout(p.period(), p.employeeId(), p.role(), p.departmentId(), p.targetBonus(),
                        p.score(), p.amount(), p.currency(), RuleSetFolder.shortVersion(p.ruleSetVersion()), p.runId()))
                .toList();
        return Paging.of(rows, page, size);
    }

    @GetMapping("/decisions")
    @Operation(summary = "What the rules decided about each payout of the period's latest calculated run, as booked"
            + " (customer gate: applies, OPEN/CLOSED; cap; fallbacks; deciding rules; pool proration), by employee_id; only"
            + " those the token's login may see, as for payouts")
    Object decisions(@AuthenticationPrincipal ApiCaller caller, @RequestParam String period,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        QuarterlyRunRecord run = latestCalculated(period);
        Predicate<String> visible = reach.payVisibleTo(new PayReach.Caller(caller.username(), caller.role(), caller.employeeId()),
                run.runId());
        return Paging.of(ledger.decisionsOf(run.runId()).stream().filter(d -> visible.test(d.employeeId())).toList(), page, size);
    }

    @GetMapping("/rejects")
    @Operation(summary = "The rejected input rows of the period's latest run (or of ?runId=), by file and line;"
            + " filter with file=surveys.csv and reason=OUT_OF_PERIOD; a page of them with page and size")
    Object rejects(@RequestParam(required = false) String period, @RequestParam(required = false) Long runId,
            @RequestParam(required = false) String file, @RequestParam(required = false) String reason,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        long id;
        if (runId != null) {
            id = registry.find(runId).orElseThrow(() -> ApiProblem.notFound("there is no run " + runId)).runId();
        } else if (period != null) {
            Period p = Period.parse(period);
            id = registry.latest(p).orElseThrow(() -> ApiProblem.notFound("there is no run of " + p)).runId();
        } else {
            throw ApiProblem.badRequest("give period (e.g. 2026-Q3) or runId");
        }
        if (reason != null && !reason.isBlank()) {
            try {
                org.promiseledger.ingest.RejectReason.valueOf(reason);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("reason '" + reason + "' is not one of "
                        + java.util.Arrays.toString(org.promiseledger.ingest.RejectReason.values()));
            }
        }
        if (!Paging.asked(page, size)) {
            return staged.rejects(id, file, reason, 0, Integer.MAX_VALUE);
        }
        int p = Paging.page(page);
        int s = Paging.size(size);
        long total = staged.countRejects(id, file, reason);
        return new Paging.Page<>(staged.rejects(id, file, reason, (long) p * s, s), p, s, total, (total + s - 1) / s);
    }

    @GetMapping("/approvals")
    @Operation(summary = "Each period's latest run with its approval: who approved it and when, or awaiting approval")
    List<ApprovalJson> approvals() {
        List<ApprovalJson> rows = new ArrayList<>();
        registry.all().stream().map(QuarterlyRunRecord::period).distinct().forEach(period ->
                registry.latestCalculated(Period.parse(period)).ifPresent(run -> {
                    RunRegistry.StateChange approved = registry.history(run.runId()).stream()
                            .filter(h -> h.state().equals(RunState.APPROVED.name())).findFirst().orElse(null);
                    rows.add(new ApprovalJson(period, run.runId(), run.state().name(), run.launchedBy(),
                            approved == null ? null : approved.changedBy(), approved == null ? null : approved.changedAt()));
                }));
        return rows;
    }

    @PostMapping("/approvals")
    @Operation(summary = "Approve the period's latest calculated run (four eyes: not by the login that launched it)")
    Done approve(@AuthenticationPrincipal ApiCaller caller, @RequestBody ApprovalRequest request) {
        if (request == null || request.period() == null) {
            throw ApiProblem.badRequest("give period, e.g. {\"period\": \"2026-Q3\"}");
        }
        return done(approval.approve(Period.parse(request.period()), caller.username()), "Approval refused");
    }

    @GetMapping("/adjustments")
    @Operation(summary = "Adjustments and clawbacks booked, of one period with ?period=, in booking order")
    List<LedgerReads.Adjustment> adjustments(@RequestParam(required = false) String period) {
        return ledger.adjustments(period == null ? null : Period.parse(period).toString());
    }

    @PostMapping("/adjustments")
    @Operation(summary = "Book an adjustment (positive amount) or clawback (negative) with a reason, on an approved period")
    ResponseEntity<Done> adjust(@AuthenticationPrincipal ApiCaller caller, @RequestBody AdjustmentRequest request) {
        if (request == null || request.period() == null || request.employeeId() == null || request.amount() == null) {
            throw ApiProblem.badRequest("give period, employeeId, amount (e.g. \"-120.50\") and reason");
        }
        try {
            new BigDecimal(request.amount().trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("amount '" + request.amount() + "' is not a decimal number such as 250.00 or -120.50");
        }
        Done done = done(adjustments.book(Period.parse(request.period()), request.employeeId(), request.amount(),
                request.reason(), caller.username()), "Adjustment refused");
        return ResponseEntity.created(URI.create("/api/v1/adjustments?period=" + Period.parse(request.period()))).body(done);
    }

    @PostMapping(path = "/payroll-exports", produces = "text/csv")
    @Operation(summary = "Export the approved period's payroll as the CSV file the command line writes (marks it EXPORTED)")
    ResponseEntity<byte[]> payrollCsv(@AuthenticationPrincipal ApiCaller caller, @RequestParam String period) throws IOException {
        Period chosen = Period.parse(period);
        byte[] bytes = exportPayroll(chosen, caller.username());
        return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("payroll-" + chosen + ".csv").build().toString()).body(bytes);
    }

    @PostMapping(path = "/payroll-exports", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Export the approved period's payroll as JSON rows (marks it EXPORTED)")
    List<PayrollRow> payrollJson(@AuthenticationPrincipal ApiCaller caller, @RequestParam String period) throws IOException {
        byte[] bytes = exportPayroll(Period.parse(period), caller.username());
        List<PayrollRow> rows = new ArrayList<>();
        try (Reader reader = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                rows.add(new PayrollRow(r.get("period"), r.get("employee_id"), new BigDecimal(r.get("net_amount")),
                        r.get("currency"), Long.parseLong(r.get("run_id")), r.get("rule_set_version")));
            }
        }
        return rows;
    }

    private byte[] exportPayroll(Period period, String user) throws IOException {
        Path file = Files.createTempFile("promise-ledger-payroll", ".csv");
        try {
            ActionOutcome outcome = payroll.export(period, file, user);
            if (outcome.exitCode() != 0) {
                throw ApiProblem.conflict("Payroll export refused", List.of(outcome.message()));
            }
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private QuarterlyRunRecord latestCalculated(String period) {
        Period p = Period.parse(period);
        return registry.latestCalculated(p)
                .orElseThrow(() -> ApiProblem.notFound("no calculated run of " + p + " (run it first)"));
    }

    private static Done done(ActionOutcome outcome, String title) {
        if (outcome.exitCode() != 0) {
            throw ApiProblem.conflict(title, List.of(outcome.message()));
        }
        return new Done(outcome.message());
    }

    private static MetricJson json(QuarterlyRunRecord run, DepartmentMetric m) {
        return new MetricJson(run.period(), m.scope().kind().name(), m.scope().departmentId(), m.metric().name(), m.value(),
                m.sampleSize(), m.status().name(), run.runId());
    }
}
