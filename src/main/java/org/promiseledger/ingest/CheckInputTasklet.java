package org.promiseledger.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.promiseledger.kernel.BadInputException;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.kernel.RunParameters;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides whether the ingested inputs can be paid on, and lists every reason they cannot at once: a reference file
 * with rejects, a file past the reject limit, a cycle in the org chart or the management chain, a weighted metric
 * without a company target.
 */
@Component
@StepScope
public class CheckInputTasklet implements Tasklet {

    /**
     * An employee's rows in date order (their ranges never overlap, and an open start comes first), so that the
     * latest segment is read last and wins: the manager_id cycle check uses each employee's latest segment.
     */
    public static final String LATEST_SEGMENT_LAST = " ORDER BY CASE WHEN valid_from IS NULL THEN 0 ELSE 1 END, valid_from";

    /** Rejects named in the refusal per stopping file; the rest are one export away. */
    static final int SAMPLES = 3;

    private final long runId;
    private final Path rulesDir;
    private final JdbcTemplate jdbc;
    private final BatchSettings settings;
    private final PlanWeights plan;

    CheckInputTasklet(@Value("#{jobParameters['" + RunParameters.RUN_ID + "']}") long runId,
            @Value("#{jobParameters['" + RunParameters.RULES_DIR + "']}") String rulesDir, JdbcTemplate jdbc,
            BatchSettings settings, PlanWeights plan) {
        this.runId = runId;
        this.rulesDir = Path.of(rulesDir);
        this.jdbc = jdbc;
        this.settings = settings;
        this.plan = plan;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        List<String> problems = new ArrayList<>();
        RejectSamples samples = new RejectSamples(jdbc);
        for (FileCounts counts : InputCounts.of(jdbc, runId)) {
            // employees.csv rows outside the quarter are listed but are no fault of the file
            if (RejectSamples.stopsAsReference(counts)) {
                problems.add(counts.fileName() + ": " + counts.rejectedAgainstLimit() + " rejected row(s); a reference file must be clean"
                        + firstRejects(samples, runId, counts));
            } else if (RejectSamples.overLimit(counts, settings.rejectLimitPercent())) {
                problems.add(counts.fileName() + ": " + counts.rejectedAgainstLimit() + " of " + counts.read()
                        + " rows rejected, more than the limit of " + settings.rejectLimitPercent().toPlainString() + " %"
                        + firstRejects(samples, runId, counts));
            }
        }
        problems.addAll(cycles("departments.csv", "parent_id", "SELECT department_id, parent_id FROM in_department WHERE run_id = ?", runId));
        problems.addAll(cycles("employees.csv", "manager_id", "SELECT employee_id, manager_id FROM in_employee WHERE run_id = ?"
                + LATEST_SEGMENT_LAST, runId));
        Set<String> weighted = plan.weightedMetrics(rulesDir);
        List<String> companyTargets = jdbc.queryForList(
                "SELECT metric FROM in_target WHERE run_id = ? AND scope = 'COMPANY'", String.class, runId);
        for (String metric : weighted) {
            if (!companyTargets.contains(metric)) {
                problems.add("targets.csv: no COMPANY row for " + metric + ", which the plan weighs");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * The rejects that stopped the run, in the same line as the refusal (which is also the run's note and one API
     * problem per file), so the refusal itself says which rows to fix.
     */
    private static String firstRejects(RejectSamples samples, long runId, FileCounts counts) {
        List<String> first = samples.inFile(runId, counts.fileName(), SAMPLES);
        long more = counts.rejectedAgainstLimit() - first.size();
        return " — " + (first.size() > 1 ? "first: " : "") + String.join("; ", first)
                + (more > 0 ? "; and " + more + " more (export rejects lists them all)" : "");
    }

    private List<String> cycles(String fileName, String column, String sql, long runId) {
        Map<String, String> parent = new HashMap<>();
        jdbc.query(sql, rs -> {
            parent.put(rs.getString(1), rs.getString(2));
        }, runId);
        List<String> problems = new ArrayList<>();
        Set<String> reported = new java.util.HashSet<>();
        for (String start : new java.util.TreeSet<>(parent.keySet())) {
            List<String> path = new ArrayList<>();
            for (String id = start; id != null && parent.containsKey(id); id = parent.get(id)) {
                int seen = path.indexOf(id);
                if (seen >= 0) {
                    List<String> cycle = path.subList(seen, path.size());
                    if (cycle.stream().noneMatch(reported::contains)) {
                        reported.addAll(cycle);
                        problems.add(fileName + ": " + column + " forms a cycle " + String.join(" -> ", cycle) + " -> " + id);
                    }
                    break;
                }
                path.add(id);
            }
        }
        return problems;
    }

    private static String fileKey(String fileName) {
        return fileName.replace(".csv", "").toUpperCase(java.util.Locale.ROOT);
    }
}
