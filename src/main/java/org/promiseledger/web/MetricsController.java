package org.promiseledger.web;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.DepartmentMetric;
import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.runs.BatchSettings;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The analysts' pages: every metric of every scope with what it attained, and the rule-set version of every run. */
@Controller
@ConditionalOnWebApplication
class MetricsController {

    /** A metric row with the attainment the rules gave it (null when it has no target, e.g. CES without a row). */
    record MetricRow(DepartmentMetric metric, BigDecimal attainment, String basis) {
    }

    private final CalculatedPeriods periods;
    private final DepartmentMetricStore metrics;
    private final RunsOverviewReader runs;
    private final JdbcTemplate jdbc;
    private final BatchSettings settings;

    MetricsController(CalculatedPeriods periods, DepartmentMetricStore metrics, RunsOverviewReader runs, JdbcTemplate jdbc,
            BatchSettings settings) {
        this.periods = periods;
        this.metrics = metrics;
        this.runs = runs;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @GetMapping("/metrics")
    String metrics(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String period, Model model) {
        Period chosen = periods.chosen(period);
        QuarterlyRunRecord run = periods.requireRun(chosen);
        record Attained(BigDecimal attainment, String basis) {
        }
        Map<String, Attained> attained = new HashMap<>();
        jdbc.query("SELECT scope, department_id, metric, attainment, basis FROM metric_attainment WHERE run_id = ?", rs -> {
            attained.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                    new Attained(rs.getBigDecimal(4), rs.getString(5)));
        }, run.runId());
        List<MetricRow> rows = metrics.metricsOf(run.runId()).stream().map(m -> {
            Attained a = attained.get(m.scope().kind() + "|" + m.scope().departmentId() + "|" + m.metric());
            return new MetricRow(m, a == null ? null : a.attainment(), a == null ? null : a.basis());
        }).toList();
        model.addAttribute("viewer", user.viewer());
        model.addAttribute("period", chosen);
        model.addAttribute("periods", periods.all());
        model.addAttribute("run", run);
        model.addAttribute("rows", rows);
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
