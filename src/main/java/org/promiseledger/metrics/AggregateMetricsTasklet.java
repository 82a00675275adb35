package org.promiseledger.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.kernel.RunParameters;
import org.promiseledger.period.Period;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Computes every metric of every scope (COMPANY, each DEPARTMENT, each SUBTREE) and every moment-of-truth check,
 * and stores them with the run. Idempotent: a restart replaces what an interrupted attempt wrote. One instance per
 * step execution ({@code @StepScope}), given the run it works on by the job parameters.
 */
@Component
@StepScope
public class AggregateMetricsTasklet implements Tasklet {

    private final MetricAggregator aggregator;
    private final DepartmentMetricStore store;
    private final MetricCountStore countStore;
    private final BatchSettings settings;
    private final AggregationPartitions partitions;
    private final long runId;
    private final Period period;

    /**
     * @param runId  the job parameter {@value RunParameters#RUN_ID}
     * @param period the job parameter {@value RunParameters#PERIOD}, e.g. {@code 2026-Q3}
     */
    AggregateMetricsTasklet(MetricAggregator aggregator, DepartmentMetricStore store, MetricCountStore countStore,
            BatchSettings settings,
            AggregationPartitions partitions, @Value("#{jobParameters['" + RunParameters.RUN_ID + "']}") Long runId,
            @Value("#{jobParameters['" + RunParameters.PERIOD + "']}") String period) {
        this.aggregator = aggregator;
        this.store = store;
        this.countStore = countStore;
        this.settings = settings;
        this.partitions = partitions;
        this.runId = runId;
        this.period = Period.parse(period);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        OrgChart org = aggregator.orgChart(runId);
        Map<ScopeRef, ScopeCounts> counts = new HashMap<>();
        Map<String, MetricAggregator.TouchpointCounts> touchpoints;
        Map<String, ScopeCounts> providers;
        boolean remote = partitions.remote();
        if (remote) {
            // the workers counted: their parts are added up, then rolled up exactly as counts made here
            touchpoints = aggregator.touchpoints(runId);
            providers = AggregationPart.addUp(partitions.partsOf(runId), touchpoints, counts);
        } else {
            touchpoints = aggregator.countsByTouchpoint(runId, period);
            providers = aggregator.internalByProvider(runId);
            aggregator.countDistinctCustomers(runId, org, touchpoints, counts);
        }
        aggregator.mapScopes(runId, org, touchpoints);
        ScopeRollUp.touchpoints(touchpoints, org, counts);
        ScopeRollUp.providers(providers, org, counts);
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
        store.replace(runId, period, metrics, checks);
        countStore.replace(runId, counts);
        if (remote) {
            partitions.deleteRun(runId); // in this step's transaction: the parts go exactly when the metrics are stored
        }
        contribution.incrementWriteCount(metrics.size());
        return RepeatStatus.FINISHED;
    }
}
