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
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Before the metrics are aggregated, records which touchpoints' surveys this run leaves out: those with a standing
 * EXCLUDED review in the period. Written once per run in the step's transaction, so a restart after this step keeps the
 * same list even if reviews arrive meanwhile, and the metrics and scorecards of the run all read the same list.
 */
@Component
@StepScope
public class FixSurveyExclusionsTasklet implements Tasklet {

    private final long runId;
    private final String period;
    private final JdbcTemplate jdbc;
    private final IntegrityReviews reviews;

    FixSurveyExclusionsTasklet(@Value("#{jobParameters['" + RunParameters.RUN_ID + "']}") long runId,
            @Value("#{jobParameters['" + RunParameters.PERIOD + "']}") String period, JdbcTemplate jdbc, IntegrityReviews reviews) {
        this.runId = runId;
        this.period = period;
        this.jdbc = jdbc;
        this.reviews = reviews;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, Long> excluded = new TreeMap<>(CodePoints.ORDER);
        reviews.latestReviews(period).values().stream()
                .filter(r -> r.decision() == Decision.EXCLUDED)
                .forEach(r -> excluded.merge(r.touchpointId(), r.id(), Math::max));
        jdbc.update("DELETE FROM integrity_exclusion WHERE run_id = ?", runId);
        List<Object[]> rows = new ArrayList<>();
        excluded.forEach((touchpoint, reviewId) -> rows.add(new Object[] {runId, touchpoint, reviewId}));
        jdbc.batchUpdate("INSERT INTO integrity_exclusion (run_id, touchpoint_id, review_id) VALUES (?, ?, ?)", rows);
        contribution.incrementWriteCount(rows.size());
        return RepeatStatus.FINISHED;
    }
}
