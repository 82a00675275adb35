package org.promiseledger.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.kernel.RunParameters;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Computes every metric of every scope (COMPANY, each DEPARTMENT, each SUBTREE) and every moment-of-truth check,
 * and stores them with the run. Idempotent: a restart replaces what an interrupted attempt wrote.
 */
@Component
public class AggregateMetricsTasklet implements Tasklet {

    private final MetricAggregator aggregator;
    private final DepartmentMetricStore store;
    private final MetricCountStore countStore;
    private final BatchSettings settings;

    AggregateMetricsTasklet(MetricAggregator aggregator, DepartmentMetricStore store, MetricCountStore countStore,
            BatchSettings settings) {
        this.aggregator = aggregator;
        this.store = store;
        this.countStore = countStore;
        this.settings = settings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunParameters run = RunParameters.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        long runId = run.runId();
        OrgChart org = aggregator.orgChart(runId);
        Map<String, MetricAggregator.TouchpointCounts> touchpoints = aggregator.countsByTouchpoint(runId);
        aggregator.mapScopes(runId, org, touchpoints);
        Map<ScopeRef, ScopeCounts> counts = new HashMap<>();
        ScopeRollUp.touchpoints(touchpoints, org, counts);
        ScopeRollUp.providers(aggregator.internalByProvider(runId), org, counts);
        aggregator.countDistinctCustomers(runId, org, touchpoints, counts);
        ScopeRollUp.companyCustomers(aggregator.companyCustomers(runId), counts);
        MetricCalculator calculator = new MetricCalculator(settings.minSample());

        List<ScopeRef> scopes = new ArrayList<>();
        scopes.add(ScopeRef.COMPANY);
        org.departments().forEach(d -> scopes.add(ScopeRef.department(d)));
        org.departments().forEach(d -> scopes.add(ScopeRef.subtree(d)));
        List<DepartmentMetric> metrics = new ArrayList<>();
        for (ScopeRef scope : scopes) {
            metrics.addAll(calculator.metricsOf(scope, counts.getOrDefault(scope, new ScopeCounts())));
        }

        BigDecimal companyCsatThreshold = aggregator.companyThreshold(runId, MetricCode.CSAT);
        List<MomentOfTruthCheck> checks = touchpoints.values().stream().filter(MetricAggregator.TouchpointCounts::momentOfTruth)
                .map(t -> calculator.momentOfTruth(t.touchpointId(), t.owner(), t.counts().get(Counter.CSAT_ANSWERS),
                        t.counts().get(Counter.SATISFIED), companyCsatThreshold))
                .toList();
        store.replace(runId, run.period(), metrics, checks);
        countStore.replace(runId, counts);
        contribution.incrementWriteCount(metrics.size());
        return RepeatStatus.FINISHED;
    }
}
