package org.promiseledger.integrity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.promiseledger.integrity.Decision;
import org.promiseledger.integrity.IntegrityReviews;
import org.promiseledger.kernel.CodePoints;
import org.promiseledger.kernel.RunParameters;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Before the metrics are aggregated, records which touchpoints' surveys this run leaves out: those with a standing
 * EXCLUDED review in the period. Written once per run in the step's transaction, so a restart after this step keeps the
 * same list even if reviews arrive meanwhile, and the metrics and scorecards of the run all read the same list.
 */
@Component
public class FixSurveyExclusionsTasklet implements Tasklet {

    private final JdbcTemplate jdbc;
    private final IntegrityReviews reviews;

    FixSurveyExclusionsTasklet(JdbcTemplate jdbc, IntegrityReviews reviews) {
        this.jdbc = jdbc;
        this.reviews = reviews;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters run = RunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        Map<String, Long> excluded = new TreeMap<>(CodePoints.ORDER);
        reviews.latestReviews(run.period().toString()).values().stream()
                .filter(r -> r.decision() == Decision.EXCLUDED)
                .forEach(r -> excluded.merge(r.touchpointId(), r.id(), Math::max));
        jdbc.update("DELETE FROM integrity_exclusion WHERE run_id = ?", run.runId());
        List<Object[]> rows = new ArrayList<>();
        excluded.forEach((touchpoint, reviewId) -> rows.add(new Object[] {run.runId(), touchpoint, reviewId}));
        jdbc.batchUpdate("INSERT INTO integrity_exclusion (run_id, touchpoint_id, review_id) VALUES (?, ?, ?)", rows);
        contribution.incrementWriteCount(rows.size());
        return RepeatStatus.FINISHED;
    }
}
