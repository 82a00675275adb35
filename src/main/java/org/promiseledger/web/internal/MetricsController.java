package org.promiseledger.web.internal;

import org.promiseledger.web.SignedInUser;

import java.nio.file.Path;
import java.util.List;

import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The analysts' pages: every metric of every scope with what it attained, and the rule-set version of every run. */
@Controller
@ConditionalOnWebApplication
class MetricsController {

    private final CalculatedPeriods periods;
    private final AttainmentBoards boards;
    private final RunsOverviewReader runs;
    private final BatchSettings settings;

    MetricsController(CalculatedPeriods periods, AttainmentBoards boards, RunsOverviewReader runs, BatchSettings settings) {
        this.periods = periods;
        this.boards = boards;
        this.runs = runs;
        this.settings = settings;
    }

    /** The heatmap of the chosen scope kind over the table of every stored metric, narrowed by the filters. */
    @GetMapping("/metrics")
    String metrics(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String period,
            @RequestParam(required = false) String heatmap, @RequestParam(required = false) String scope,
            @RequestParam(required = false) String department, @RequestParam(required = false) String metric,
            @RequestParam(required = false) String status, Model model) {
        MetricFilter filter = MetricFilter.of(scope, department, metric, status);
        Period chosen = periods.chosen(period);
        QuarterlyRunRecord run = periods.requireRun(chosen);
        model.addAttribute("viewer", user.viewer());
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods.all());
        model.addAttribute("run", run);
        model.addAttribute("board", boards.of("/metrics", chosen, run, periods.workforce(chosen), heatmap, filter));
        return "metrics";
    }

    @GetMapping("/rules")
    String rules(@AuthenticationPrincipal SignedInUser user, Model model) {
        Path folder = settings.rulesPath();
        String current;
        List<String> files;
        try {
            RuleSetFolder rules = new RuleSetFolder(folder);
            files = List.copyOf(rules.versionedFiles().keySet());
            current = rules.version();
        } catch (RuntimeException unreadable) {
            files = List.of();
            current = null;
        }
        model.addAttribute("viewer", user.viewer());
        model.addAttribute("rulesFolder", folder.toAbsolutePath().normalize().toString());
        model.addAttribute("currentVersion", current);
        model.addAttribute("files", files);
        model.addAttribute("runs", runs.all());
        return "rules";
    }
}
