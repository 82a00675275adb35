package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;
import org.promiseledger.web.SignedInUser;


import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.integrity.ReviewedSignal;

import org.promiseledger.web.identity.PayViews;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
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
import org.springframework.web.bind.annotation.RequestParam;

/** Scorecards: one's own, those of the people one may see (PayVisibility), their PDF statements, and the list. */
@Controller
@ConditionalOnWebApplication
class ScorecardController {

    private final CalculatedPeriods periods;
    private final PayVisibility visibility;
    private final ScorecardReader scorecards;
    private final TrendReader trends;
    private final ScorecardQueries queries;
    private final StatementPdf pdf;
    private final IntegrityReviews integrity;
    private final PayViews views;

    ScorecardController(CalculatedPeriods periods, PayVisibility visibility, ScorecardReader scorecards, TrendReader trends,
            ScorecardQueries queries, StatementPdf pdf, IntegrityReviews integrity, PayViews views) {
        this.integrity = integrity;
        this.periods = periods;
        this.visibility = visibility;
        this.scorecards = scorecards;
        this.trends = trends;
        this.queries = queries;
        this.pdf = pdf;
        this.views = views;
    }

    @GetMapping("/scorecard")
    String mine(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String period, Model model) {
        Viewer viewer = user.viewer();
        if (!viewer.isLinked()) {
            model.addAttribute("viewer", viewer);
            return "not-linked";
        }
        return "redirect:/scorecards/" + viewer.employeeId() + (period == null ? "" : "?period=" + CalculatedPeriods.parse(period));
    }

    @GetMapping("/scorecards/{employeeId}")
    String scorecard(@AuthenticationPrincipal SignedInUser user, @PathVariable String employeeId,
            @RequestParam(required = false) String period, Model model) {
        Viewer viewer = user.viewer();
        ScorecardView card = visibleScorecard(viewer, employeeId, period);
        List<TrendPoint> trend = trends.lastFourQuarters(viewer, employeeId, card.period());
        logView(viewer, employeeId, card.period().toString(), PayViews.What.SCORECARD);
        trend.stream().filter(p -> p.score() != null && !p.period().equals(card.period().toString()))
                .forEach(p -> logView(viewer, employeeId, p.period(), PayViews.What.CHART_POINT));
        model.addAttribute("viewer", viewer);
        model.addAttribute("card", card);
        model.addAttribute("periods", periods.all());
        model.addAttribute("trend", trend);
        String unit = card.scoredOnSubtree() ? "Subtree CX index" : "Department CX index";
        model.addAttribute("unitLabel", unit);
        model.addAttribute("chartJson", TrendReader.chartOf(trend, viewer.is(employeeId) ? "Your score"
                : "Score of " + employeeId, unit).json());
        model.addAttribute("queries", queries.of(employeeId, card.period().toString()));
        model.addAttribute("mayRaise", viewer.is(employeeId) && viewer.role() != AppRole.AUDITOR);
        addIntegrity(card, model);
        model.addAttribute("ownPay", viewer.is(employeeId));
        return "scorecard";
    }

    @GetMapping("/scorecards/{employeeId}/statement.pdf")
    ResponseEntity<byte[]> statement(@AuthenticationPrincipal SignedInUser user, @PathVariable String employeeId,
            @RequestParam(required = false) String period) {
        ScorecardView card = visibleScorecard(user.viewer(), employeeId, period);
        logView(user.viewer(), employeeId, card.period().toString(), PayViews.What.STATEMENT);
        String file = "scorecard-" + employeeId + "-" + card.period() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(pdf.render(card));
    }

    @GetMapping("/people")
    String people(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String period, Model model) {
        Viewer viewer = user.viewer();
        Period chosen = periods.chosen(period);
        Workforce workforce = periods.workforce(chosen);
        model.addAttribute("viewer", viewer);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods.all());
        model.addAttribute("workforce", workforce);
        model.addAttribute("people", visibility.peopleVisibleTo(viewer, workforce));
        return "people";
    }

    /**
     * Score integrity on the scorecard: the signals at the touchpoints of the person's department (of their
     * department's subtree when the plan weighs the subtree's CX index for them), and every exclusion the run applies, which changes the company's figures and so
     * every scorecard of the run.
     */
    private void addIntegrity(ScorecardView card, Model model) {
        String department = card.employee().departmentId();
        Workforce workforce = periods.workforce(card.period());
        Set<String> owners = new HashSet<>(card.scoredOnSubtree()
                ? workforce.org().subtree(department) : List.of(department));
        owners.add(department);
        List<ReviewedSignal> signals = integrity.reviewedSignalsOf(card.run()).stream()
                .filter(s -> owners.contains(s.finding().departmentId())).toList();
        model.addAttribute("integritySignals", signals);
        model.addAttribute("integrityExclusions", integrity.exclusionsOf(card.run()));
    }

    /** Only what was shown is logged: a refusal (403) or a missing payout (404) never reaches here. */
    private void logView(Viewer viewer, String employeeId, String period, PayViews.What what) {
        views.record(viewer.username(), viewer.employeeId(), employeeId, period, what);
    }

    /** The visibility check comes first, so a person one may not see is a 403 even in a quarter without a run. */
    private ScorecardView visibleScorecard(Viewer viewer, String employeeId, String periodText) {
        Period period = periods.chosen(periodText);
        Workforce workforce = periods.workforce(period);
        visibility.requirePay(viewer, employeeId, workforce);
        QuarterlyRunRecord run = periods.requireRun(period);
        return scorecards.read(period, run, employeeId, workforce).orElseThrow(() -> new NotFoundException(
                "No payout for " + employeeId + " in " + period + "."));
    }
}
