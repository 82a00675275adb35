package org.promiseledger.integrity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.promiseledger.integrity.Finding;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.kernel.RunParameters;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The quarterly job's integrity step: counts per touchpoint in the database, judges the four signals and stores what
 * fired with the run. Everything it writes is replaced in the same transaction, so a restart recomputes it identically.
 * Signals describe the accepted rows as they came in: surveys a review excluded from the metrics still count here.
 */
@Component
@StepScope
public class DetectIntegritySignalsTasklet implements Tasklet {

    private final long runId;
    private final Period period;
    private final IntegrityCounts counts;
    private final IntegritySignalStore store;
    private final BatchSettings settings;

    DetectIntegritySignalsTasklet(@Value("#{jobParameters['" + RunParameters.RUN_ID + "']}") long runId,
            @Value("#{jobParameters['" + RunParameters.PERIOD + "']}") String period, IntegrityCounts counts,
            IntegritySignalStore store, BatchSettings settings) {
        this.runId = runId;
        this.period = Period.parse(period);
        this.counts = counts;
        this.store = store;
        this.settings = settings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, String> owners = counts.owners(runId);
        Map<String, long[]> surveys = counts.surveys(runId, period);
        IntegrityCounts.RespondentCounts respondents = counts.respondentCounts(runId);
        Map<String, long[]> contacts = respondents.contacts();
        Map<String, long[]> repeats = respondents.repeats();
        Optional<QuarterlyRunRecord> previous = counts.previousCalculated(period);
        Map<String, long[]> previousTopBox = previous.map(p -> counts.topBox(p.runId(), Period.parse(p.period()))).orElse(Map.of());
        String previousPeriod = previous.map(QuarterlyRunRecord::period).orElse(null);
        int days = IntegrityCounts.daysIn(period);

        SignalRules rules = new SignalRules(settings.minSample());
        List<Finding> findings = new ArrayList<>();
        long[] none = new long[4];
        owners.forEach((touchpoint, department) -> {
            long[] s = surveys.getOrDefault(touchpoint, none);
            long[] before = previousTopBox.get(touchpoint);
            if (before != null) {
                rules.topBoxSurge(touchpoint, department, s[1], s[0], before[1], before[0], previousPeriod)
                        .ifPresent(findings::add);
            }
            long[] c = contacts.getOrDefault(touchpoint, none);
            rules.selectiveSurveying(touchpoint, department, c[3], c[2], c[1], c[0]).ifPresent(findings::add);
            long[] r = repeats.getOrDefault(touchpoint, none);
            rules.repeatRespondents(touchpoint, department, r[1], r[0], r[2]).ifPresent(findings::add);
            rules.endOfQuarterBunching(touchpoint, department, s[3], s[2], days).ifPresent(findings::add);
        });
        store.replace(runId, period.toString(), findings);
        contribution.incrementWriteCount(findings.size());
        return RepeatStatus.FINISHED;
    }
}
