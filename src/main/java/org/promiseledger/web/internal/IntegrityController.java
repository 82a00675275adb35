package org.promiseledger.web.internal;

import org.promiseledger.web.SignedInUser;


import org.promiseledger.integrity.Decision;
import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.integrity.Signal;
import org.promiseledger.period.Period;
import org.promiseledger.runs.ActionOutcome;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunState;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Score integrity for HR and auditors: the signals of a quarter's latest calculated run, each with what was seen and
 * where its review stands, every review made, and the review form (four eyes and the rest decided by IntegrityReviews,
 * the same as `integrity review` on the command line).
 */
@Controller
@ConditionalOnWebApplication
class IntegrityController {

    private final CalculatedPeriods periods;
    private final IntegrityReviews reviews;

    IntegrityController(CalculatedPeriods periods, IntegrityReviews reviews) {
        this.periods = periods;
        this.reviews = reviews;
    }

    @GetMapping("/integrity")
    String integrity(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String period, Model model) {
        Period chosen = periods.chosen(period);
        QuarterlyRunRecord run = periods.requireRun(chosen);
        model.addAttribute("viewer", user.viewer());
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods.all());
        model.addAttribute("run", run);
        model.addAttribute("signals", reviews.reviewedSignalsOf(run));
        model.addAttribute("exclusions", reviews.exclusionsOf(run));
        model.addAttribute("reviews", reviews.reviewsOf(chosen.toString()));
        model.addAttribute("reviewable", run.state() == RunState.CALCULATED);
        return "integrity";
    }

    @PostMapping("/integrity/{period}/reviews")
    String review(@AuthenticationPrincipal SignedInUser user, @PathVariable String period, @RequestParam String touchpoint,
            @RequestParam String signal, @RequestParam String decision, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Period chosen = CalculatedPeriods.parse(period);
        ActionOutcome outcome;
        try {
            outcome = reviews.review(chosen, touchpoint, Signal.valueOf(signal), Decision.valueOf(decision), reason,
                    user.getUsername());
        } catch (IllegalArgumentException unknown) {
            throw new BadRequestException("Unknown signal or decision: " + signal + ", " + decision + ".");
        }
        redirect.addFlashAttribute(outcome.exitCode() == 0 ? "message" : "refusal", outcome.message());
        return "redirect:/integrity?period=" + chosen;
    }
}
