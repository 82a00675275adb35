package org.promiseledger.web.internal;

import org.promiseledger.web.SignedInUser;

import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The executive views: department scorecards (an executive's own subtree; all of them for HR, auditors and
 * analysts), departments ranked by CX index, and the company's CX trend. None of them shows individual pay.
 */
@Controller
@ConditionalOnWebApplication
class DepartmentController {

    private final CalculatedPeriods periods;
    private final PayVisibility visibility;
    private final ScopeCardReader scopes;
    private final CxOverviewReader overview;
    private final AttainmentBoards boards;
    private final AttainedMetricReader stored;
    private final DepartmentTrends trends;

    DepartmentController(CalculatedPeriods periods, PayVisibility visibility, ScopeCardReader scopes, CxOverviewReader overview,
            AttainmentBoards boards, AttainedMetricReader stored, DepartmentTrends trends) {
        this.periods = periods;
        this.visibility = visibility;
        this.scopes = scopes;
        this.overview = overview;
        this.boards = boards;
        this.stored = stored;
        this.trends = trends;
    }

    @GetMapping("/departments")
    String departments(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String period, Model model) {
        Viewer viewer = user.viewer();
        Period chosen = periods.chosen(period);
        QuarterlyRunRecord run = periods.requireRun(chosen);
        Workforce workforce = periods.workforce(chosen);
        List<String> visible = visibility.departmentsVisibleTo(viewer, workforce);
        model.addAttribute("viewer", viewer);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods.all());
        model.addAttribute("ranking", overview.ranking(run.runId(), workforce).stream()
                .filter(r -> visible.contains(r.departmentId())).toList());
        return "departments";
    }

    @GetMapping("/departments/{departmentId}")
    String department(@AuthenticationPrincipal SignedInUser user, @PathVariable String departmentId,
            @RequestParam(required = false) String period, Model model) {
        Viewer viewer = user.viewer();
        Period chosen = periods.chosen(period);
        Workforce workforce = periods.workforce(chosen);
        visibility.requireDepartment(viewer, departmentId, workforce);
        QuarterlyRunRecord run = periods.requireRun(chosen);
        if (!workforce.departmentNames().containsKey(departmentId)) {
            throw new NotFoundException("No department " + departmentId + " in " + chosen + ".");
        }
        Long previous = periods.run(chosen.previous()).map(QuarterlyRunRecord::runId).orElse(null);
        model.addAttribute("viewer", viewer);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods.all());
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("departmentName", workforce.departmentName(departmentId));
        model.addAttribute("run", run);
        model.addAttribute("cards", List.of(scopes.read(run.runId(), ScopeRef.department(departmentId), workforce, previous),
                scopes.read(run.runId(), ScopeRef.subtree(departmentId), workforce, previous)));
        model.addAttribute("children", workforce.org().departments().stream()
                .filter(d -> workforce.org().parentOf(d).filter(departmentId::equals).isPresent()).toList());
        model.addAttribute("workforce", workforce);
        return "department";
    }

    /**
     * Departments compared: the attainment heatmap (no individual pay, so every department), the tree with each
     * department's CX index and trend, the ranking, and the company's trend.
     */
    @GetMapping("/cx")
    String cx(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String period,
            @RequestParam(required = false) String heatmap, @RequestParam(required = false) String scope,
            @RequestParam(required = false) String department, @RequestParam(required = false) String metric,
            @RequestParam(required = false) String status, Model model) {
        MetricFilter filter = MetricFilter.of(scope, department, metric, status);
        Viewer viewer = user.viewer();
        Period chosen = periods.chosen(period);
        QuarterlyRunRecord run = periods.requireRun(chosen);
        Workforce workforce = periods.workforce(chosen);
        List<CxOverviewReader.CompanyQuarter> trend = overview.companyTrend();
        List<String> visible = visibility.departmentsVisibleTo(viewer, workforce);
        Map<ScopeRef, AttainedMetricReader.StoredCx> cx = stored.cxIndexes(run.runId());
        Map<String, Sparkline> departmentTrends = trends.lastFourQuarters(chosen, workforce);
        model.addAttribute("viewer", viewer);
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods.all());
        model.addAttribute("ranking", overview.ranking(run.runId(), workforce));
        model.addAttribute("visibleDepartments", visible);
        model.addAttribute("board", boards.of("/cx", chosen, run, workforce, heatmap, filter, cx));
        model.addAttribute("tree", CxTree.of(workforce, cx, departmentTrends, visible));
        model.addAttribute("departmentTrends", departmentTrends);
        model.addAttribute("company", scopes.read(run.runId(), ScopeRef.COMPANY, workforce,
                periods.run(chosen.previous()).map(QuarterlyRunRecord::runId).orElse(null)));
        model.addAttribute("trend", trend);
        model.addAttribute("chartJson", CxOverviewReader.chartOf(trend).json());
        return "cx";
    }
}
