package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;
import org.promiseledger.web.SignedInUser;


import java.util.List;

import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person queries a line of their own scorecard; HR answers. Both stay, in order, on the scorecard and here. */
@Controller
@ConditionalOnWebApplication
class QueryController {

    private final CalculatedPeriods periods;
    private final PayVisibility visibility;
    private final ScorecardReader scorecards;
    private final ScorecardQueries queries;

    QueryController(CalculatedPeriods periods, PayVisibility visibility, ScorecardReader scorecards, ScorecardQueries queries) {
        this.periods = periods;
        this.visibility = visibility;
        this.scorecards = scorecards;
        this.queries = queries;
    }

    /** Only the person whose scorecard it is raises a query on it: a manager or HR cannot speak for them. */
    @PostMapping("/scorecards/{employeeId}/queries")
    String raise(@AuthenticationPrincipal SignedInUser user, @PathVariable String employeeId, @RequestParam String period,
            @RequestParam String line, @RequestParam String body, RedirectAttributes redirect) {
        Viewer viewer = user.viewer();
        if (!viewer.is(employeeId)) {
            throw new AccessDeniedException(viewer.username() + " may only query their own scorecard");
        }
        Period chosen = periods.chosen(period);
        QuarterlyRunRecord run = periods.requireRun(chosen);
        ScorecardView card = scorecards.read(chosen, run, employeeId, periods.workforce(chosen))
                .orElseThrow(() -> new NotFoundException("No payout for " + employeeId + " in " + chosen + "."));
        String label = card.labelOf(line);
        if (label == null) {
            throw new BadRequestException("'" + line + "' is not a line of this scorecard");
        }
        queries.raise(chosen.toString(), employeeId, run.runId(), line, label, text(body), viewer.username());
        redirect.addFlashAttribute("message", "Your query on \"" + label + "\" was sent to HR.");
        return "redirect:/scorecards/" + employeeId + "?period=" + chosen + "#queries";
    }

    @GetMapping("/queries")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        Viewer viewer = user.viewer();
        List<ScorecardQueries.Query> shown = viewer.isAny(AppRole.HR, AppRole.AUDITOR) ? queries.all()
                : viewer.isLinked() ? queries.ofEmployee(viewer.employeeId()) : List.of();
        model.addAttribute("viewer", viewer);
        model.addAttribute("queries", shown);
        model.addAttribute("mayAnswer", viewer.role() == AppRole.HR);
        return "queries";
    }

    @PostMapping("/queries/{id}/answers")
    String answer(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam String body,
            RedirectAttributes redirect) {
        ScorecardQueries.Query query = queries.find(id).orElseThrow(() -> new NotFoundException("No query " + id + "."));
        // HR sees everyone, but the check stays so that no path to someone's pay skips PayVisibility
        visibility.requirePay(user.viewer(), query.employeeId(), Workforce.empty());
        queries.answer(query, text(body), user.getUsername());
        redirect.addFlashAttribute("message", "Answer to query " + id + " of " + query.employeeId() + " saved.");
        return "redirect:/queries#query-" + id;
    }

    private static String text(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty() || trimmed.length() > ScorecardQueries.MAX_BODY) {
            throw new BadRequestException("write between 1 and " + ScorecardQueries.MAX_BODY + " characters");
        }
        return trimmed;
    }
}
