package org.promiseledger.web.internal;

import org.promiseledger.web.SignedInUser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.export.CsvExports;
import org.promiseledger.export.PayrollExport;
import org.promiseledger.integrity.IntegrityExport;
import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.integrity.ReviewedSignal;
import org.promiseledger.period.Period;
import org.promiseledger.runs.ActionOutcome;
import org.promiseledger.runs.RunApproval;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * HR's admin pages: every run with its state history, approval (four eyes, decided by RunApproval: the person who
 * launched a run cannot approve it) and the exports, written by the same code as the command line's.
 */
@Controller
@ConditionalOnWebApplication
class RunsController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final RunsOverviewReader runs;
    private final RunApproval approval;
    private final CsvExports exports;
    private final PayrollExport payroll;
    private final IntegrityExport integrity;
    private final IntegrityReviews reviews;

    RunsController(RunsOverviewReader runs, RunApproval approval, CsvExports exports, PayrollExport payroll,
            IntegrityExport integrity, IntegrityReviews reviews) {
        this.integrity = integrity;
        this.reviews = reviews;
        this.runs = runs;
        this.approval = approval;
        this.exports = exports;
        this.payroll = payroll;
    }

    @GetMapping("/runs")
    String runs(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("viewer", user.viewer());
        List<RunsOverviewReader.RunRow> rows = runs.all();
        model.addAttribute("runs", rows);
        model.addAttribute("integrity", integritySummaries(rows));
        return "runs";
    }

    /** Per run that found any: "3 integrity signals, 1 open", for the runs that can still be paid or already are. */
    private Map<Long, String> integritySummaries(List<RunsOverviewReader.RunRow> rows) {
        Map<Long, String> summaries = new HashMap<>();
        for (RunsOverviewReader.RunRow row : rows) {
            List<ReviewedSignal> signals = reviews.reviewedSignalsOf(row.run());
            if (!signals.isEmpty()) {
                long open = signals.stream().filter(ReviewedSignal::open).count();
                summaries.put(row.run().runId(), signals.size() + (signals.size() == 1 ? " integrity signal" : " integrity signals")
                        + (open == 0 ? ", all reviewed" : ", " + open + " open"));
            }
        }
        return summaries;
    }

    @PostMapping("/runs/{period}/approve")
    String approve(@AuthenticationPrincipal SignedInUser user, @PathVariable String period, RedirectAttributes redirect) {
        ActionOutcome outcome = approval.approve(CalculatedPeriods.parse(period), user.getUsername());
        redirect.addFlashAttribute(outcome.exitCode() == 0 ? "message" : "refusal", outcome.message());
        return "redirect:/runs";
    }

    @GetMapping("/runs/{period}/exports/{kind}.csv")
    ResponseEntity<byte[]> export(@PathVariable String period, @PathVariable String kind) throws IOException {
        Period chosen = CalculatedPeriods.parse(period);
        Path file = Files.createTempFile("promise-ledger-" + kind, ".csv");
        try {
            switch (kind) {
                case "metrics" -> exports.metrics(chosen, file);
                case "payouts" -> exports.payouts(chosen, file);
                case "decisions" -> exports.decisions(chosen, file);
                case "rejects" -> exports.rejects(chosen, file);
                case "integrity" -> integrity.export(chosen, file);
                default -> throw new NotFoundException("No export called " + kind + ".");
            }
            return csv(kind + "-" + chosen + ".csv", Files.readAllBytes(file));
        } catch (IllegalStateException noRun) {
            throw new NotFoundException(noRun.getMessage());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A POST: exporting the payroll marks the run EXPORTED and is written to the audit log. */
    @PostMapping("/runs/{period}/payroll")
    Object exportPayroll(@AuthenticationPrincipal SignedInUser user, @PathVariable String period, RedirectAttributes redirect)
            throws IOException {
        Period chosen = CalculatedPeriods.parse(period);
        Path file = Files.createTempFile("promise-ledger-payroll", ".csv");
        try {
            ActionOutcome outcome = payroll.export(chosen, file, user.getUsername());
            if (outcome.exitCode() != 0) {
                redirect.addFlashAttribute("refusal", outcome.message());
                return "redirect:/runs";
            }
            return csv("payroll-" + chosen + ".csv", Files.readAllBytes(file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static ResponseEntity<byte[]> csv(String name, byte[] bytes) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
