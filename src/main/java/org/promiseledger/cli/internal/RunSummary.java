package org.promiseledger.cli.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.promiseledger.kernel.LaunchCommand;
import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.ingest.FileCounts;
import org.promiseledger.ingest.InputCounts;
import org.promiseledger.ingest.RejectSamples;
import org.promiseledger.ingest.StagedWorkforce;
import org.promiseledger.kernel.CodePoints;
import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.metrics.MomentOfTruthCheck;
import org.promiseledger.metrics.OrgChart;
import org.promiseledger.rules.RuleSetFolder;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.integrity.Review;
import org.promiseledger.integrity.ReviewedSignal;
import org.promiseledger.scoring.MetricAttainment;
import org.promiseledger.scoring.ScopeResultStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The readable summary of a run, printed after `run` and `demo`: what HR checks before approving. */
@Component
class RunSummary {

    private final JdbcTemplate jdbc;
    private final StagedWorkforce staged;
    private final LedgerReads ledger;
    private final BatchSettings settings;
    private final IntegrityReviews integrity;
    private final DepartmentMetricStore metrics;
    private final ScopeResultStore results;

    RunSummary(JdbcTemplate jdbc, StagedWorkforce staged, BatchSettings settings, IntegrityReviews integrity,
            DepartmentMetricStore metrics, ScopeResultStore results, LedgerReads ledger) {
        this.jdbc = jdbc;
        this.staged = staged;
        this.metrics = metrics;
        this.results = results;
        this.ledger = ledger;
        this.settings = settings;
        this.integrity = integrity;
    }

    /** The run's score-integrity signals in words, and how to review them: approval waits for every one. */
    void printIntegrity(PrintStream out, QuarterlyRunRecord run) {
        List<ReviewedSignal> signals = integrity.reviewedSignalsOf(run);
        List<Review> exclusions = integrity.exclusionsOf(run);
        if (!exclusions.isEmpty()) {
            out.printf("%nSurveys left out of this run's metrics after review:%n");
            exclusions.forEach(x -> out.printf("  %s (%s EXCLUDED by %s: %s)%n", x.touchpointId(), x.signal(), x.reviewedBy(),
                    x.reason()));
        }
        if (signals.isEmpty()) {
            out.printf("%nScore integrity: no signal%n");
            return;
        }
        long open = signals.stream().filter(ReviewedSignal::open).count();
        out.printf("%nScore integrity: %d signal%s, %s%n", signals.size(), signals.size() == 1 ? "" : "s",
                open == 0 ? "all reviewed" : open + " open (approval waits until each is reviewed)");
        for (ReviewedSignal s : signals) {
            out.printf("  %s %s (%s) %s: %s%n", s.finding().touchpointId(), s.finding().departmentId(), s.finding().signal(),
                    s.status(), s.finding().detail());
        }
        if (open == 0) {
            return;
        }
        out.printf("  review: " + LaunchCommand.inFormat() + " integrity review --period %s --touchpoint T --signal S"
                + " --decision CLEARED|EXCLUDED --reason \"...\" --as <not %s>%n", run.period(), run.launchedBy());
        out.printf("  list:   " + LaunchCommand.inFormat() + " export integrity --period %s --out integrity-%s.csv%n", run.period(),
                run.period());
    }

    void printInputs(PrintStream out, QuarterlyRunRecord run) {
        List<FileCounts> counts = InputCounts.of(jdbc, run.runId());
        long read = counts.stream().mapToLong(FileCounts::read).sum();
        long rejected = counts.stream().mapToLong(FileCounts::rejected).sum();
        long outOfPeriod = counts.stream().mapToLong(FileCounts::outOfPeriod).sum();
        out.printf("Inputs: %,d rows read in %d files, %,d accepted, %,d rejected (%,d of them out of period)%n",
                read, counts.size(), read - rejected, rejected, outOfPeriod);
        for (FileCounts c : counts) {
            if (c.rejected() > 0) {
                out.printf("  %-22s %,9d read %,7d rejected (%,d out of period)%n", c.fileName(), c.read(), c.rejected(),
                        c.outOfPeriod());
            }
        }
        if (rejected > 0) {
            out.printf("  list them: " + LaunchCommand.inFormat() + " export rejects --period %s --out rejects-%s.csv%n",
                    run.period(), run.period());
        }
        // out-of-period rows do not count against the reject limit, so another quarter's folder would run and pay:
        // a file with rows and none in the quarter is most likely that, and whoever approves must see it
        for (FileCounts c : counts) {
            if (c.read() > 0 && c.accepted() == 0 && c.outOfPeriod() == c.read()) {
                out.printf("  WARNING: none of the %,d rows of %s lies in %s; is the data folder this quarter's? The"
                        + " quarter was calculated without them.%n", c.read(), c.fileName(), run.period());
            }
        }
    }

    /**
     * The first rejects, those of the files that stopped the run first (reference files, then files past the reject
     * limit), so an operator sees at once what is wrong and where; then the other files' rejects.
     */
    void printFirstRejects(PrintStream out, QuarterlyRunRecord run, int limit) {
        List<String> files = RejectSamples.filesByWeight(InputCounts.of(jdbc, run.runId()), settings.rejectLimitPercent());
        List<String> rejects = new RejectSamples(jdbc).of(run.runId(), files, limit);
        if (!rejects.isEmpty()) {
            out.println("First rejects:");
            rejects.forEach(r -> out.println("  " + ConsoleText.safe(r)));
        }
    }

    void printScorecards(PrintStream out, QuarterlyRunRecord run) {
        long runId = run.runId();
        Map<String, String> names = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        staged.departments(runId).forEach(d -> {
            names.put(d.departmentId(), d.name());
            parents.put(d.departmentId(), d.parentId());
        });
        Map<String, BigDecimal> cx = new HashMap<>();
        Map<String, String> basis = new HashMap<>();
        results.cxIndexesOf(runId).forEach((scope, index) -> {
            cx.put(scope.kind() + " " + scope.departmentId(), index.value());
            basis.put(scope.kind() + " " + scope.departmentId(), index.basis());
        });
        Map<String, List<String>> insufficient = new TreeMap<>();
        results.attainmentsOf(runId).stream()
                .filter(a -> "DEPARTMENT".equals(a.scope()) && "COMPANY_FALLBACK".equals(a.basis()))
                .sorted(java.util.Comparator.comparing(MetricAttainment::metric))
                .forEach(a -> insufficient.computeIfAbsent(a.departmentId(), k -> new ArrayList<>()).add(a.metric()));
        java.util.Set<String> owners = new java.util.HashSet<>(staged.touchpointOwners(runId).values());
        Map<String, List<String>> failedMoments = new HashMap<>();
        metrics.momentOfTruthChecksOf(runId).stream().filter(MomentOfTruthCheck::fired).forEach(m ->
                failedMoments.computeIfAbsent(m.ownerDepartmentId(), k -> new ArrayList<>()).add(m.touchpointId()));

        out.printf("%nCompany CX index %s%n%n", four(cx.get("COMPANY COMPANY")));
        out.printf("%-40s %9s %9s  %s%n", "Department", "CX index", "Subtree", "Flags");
        OrgChart org = new OrgChart(parents);
        for (String id : depthFirst(org)) {
            int depth = org.selfAndAncestors(id).size() - 1;
            String label = "  ".repeat(depth) + ConsoleText.safe(id) + " " + ConsoleText.safe(names.get(id));
            List<String> flags = new ArrayList<>();
            if (failedMoments.containsKey(id)) {
                flags.add("moment of truth failed " + ConsoleText.safe(failedMoments.get(id).toString()));
            }
            if ("MOMENT_OF_TRUTH_CAP".equals(basis.get("DEPARTMENT " + id))) {
                flags.add("CX capped at 1.0");
            }
            if (!owners.contains(id)) {
                flags.add("COMPANY_CX".equals(basis.get("DEPARTMENT " + id))
                        ? "no touchpoints, too few internal answers: company CX"
                        : "no touchpoints: scored on internal service");
            } else if (insufficient.containsKey(id)) {
                flags.add("INSUFFICIENT " + String.join(", ", insufficient.get(id)) + " -> company attainment");
            }
            out.printf("%-40s %9s %9s  %s%n", abbreviate(label, 40), four(cx.get("DEPARTMENT " + id)),
                    four(cx.get("SUBTREE " + id)), String.join("; ", flags));
        }
    }

    void printPayouts(PrintStream out, QuarterlyRunRecord run) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (String role : List.of("EXECUTIVE", "MANAGER", "STAFF")) {
            counts.put(role, new long[2]);
            totals.put(role, BigDecimal.ZERO.setScale(2));
        }
        ledger.totalsByRole(run.runId()).forEach((role, t) -> {
            counts.put(role, new long[] {t.payouts(), t.paidZero()});
            totals.put(role, t.total());
        });
        out.printf("%n%-12s %10s %10s %18s%n", "Payouts", "employees", "paid 0", "total " + settings.currency());
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        long people = 0;
        for (Map.Entry<String, long[]> role : counts.entrySet()) {
            out.printf("%-12s %,10d %,10d %,18.2f%n", role.getKey(), role.getValue()[0], role.getValue()[1],
                    totals.get(role.getKey()));
            total = total.add(totals.get(role.getKey()));
            people += role.getValue()[0];
        }
        out.printf("%-12s %,10d %10s %,18.2f%n", "Total", people, "", total);
        out.printf("%nRule set %s (%s)%n", RuleSetFolder.shortVersion(run.ruleSetVersion()), run.rulesDir());
    }

    private static List<String> depthFirst(OrgChart org) {
        List<String> ordered = new ArrayList<>();
        org.departments().stream().filter(d -> org.parentOf(d).isEmpty() || !org.departments().contains(org.parentOf(d).get()))
                .sorted(CodePoints.ORDER).forEach(top -> visit(org, top, ordered));
        return ordered;
    }

    private static void visit(OrgChart org, String id, List<String> ordered) {
        ordered.add(id);
        org.departments().stream().filter(d -> org.parentOf(d).filter(id::equals).isPresent()).forEach(c -> visit(org, c, ordered));
    }

    private static String four(BigDecimal value) {
        return value == null ? "-" : value.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
