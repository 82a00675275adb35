package org.promiseledger.metrics;

import static org.promiseledger.metrics.Counter.ACQUIRED_IN_PERIOD;
import static org.promiseledger.metrics.Counter.ACTIVE_AT_END;
import static org.promiseledger.metrics.Counter.ACTIVE_AT_START;
import static org.promiseledger.metrics.Counter.CHURNED;
import static org.promiseledger.metrics.Counter.CONTACTS;
import static org.promiseledger.metrics.Counter.CSAT_ANSWERS;
import static org.promiseledger.metrics.Counter.CUSTOMERS_TOUCHED;
import static org.promiseledger.metrics.Counter.DETRACTORS;
import static org.promiseledger.metrics.Counter.EFFORT_ANSWERS;
import static org.promiseledger.metrics.Counter.EFFORT_SUM;
import static org.promiseledger.metrics.Counter.INTERNAL_ANSWERS;
import static org.promiseledger.metrics.Counter.INTERNAL_SCORE_SUM;
import static org.promiseledger.metrics.Counter.NPS_ANSWERS;
import static org.promiseledger.metrics.Counter.PROMOTERS;
import static org.promiseledger.metrics.Counter.RESOLVED;
import static org.promiseledger.metrics.Counter.SATISFIED;
import static org.promiseledger.metrics.Counter.TOUCHED_OR_CHURNED;
import static org.promiseledger.metrics.Counter.UPHELD_COMPLAINTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The customer-impact metrics of docs/metrics.md, in code-point order of their codes (the export order). Each
 * constant is the whole definition of its metric: which way is better, which scopes have it, the counters it reads
 * (their roll-up from touchpoints or providers to departments, subtrees and the company is the counter's
 * {@link Counter.RollUp}), the counter that is its sample, its formula ({@link MetricFormulas}) and its minimum-sample
 * rule (by default: a sample below min-sample is INSUFFICIENT; CONSISTENCY applies it per channel).
 */
public enum MetricCode {
    CES(false, true, EFFORT_ANSWERS, c -> MetricFormulas.ces(c.get(EFFORT_SUM), c.get(EFFORT_ANSWERS)), EFFORT_SUM),
    COMPLAINT_RATE(false, true, CUSTOMERS_TOUCHED,
            c -> MetricFormulas.complaintRate(c.get(UPHELD_COMPLAINTS), c.get(CUSTOMERS_TOUCHED)), UPHELD_COMPLAINTS),
    /** Only channels with min-sample CSAT answers count; fewer than two such channels leave the value empty. */
    CONSISTENCY(true, true, CSAT_ANSWERS, null, SATISFIED) {
        @Override
        Measured measure(ScopeKind kind, ScopeCounts c, int minSample) {
            List<BigDecimal> channelCsats = new ArrayList<>();
            long sample = 0;
            for (Map.Entry<String, long[]> channel : c.channelCsat().entrySet()) {
                long answers = channel.getValue()[0];
                if (answers >= minSample) {
                    channelCsats.add(MetricFormulas.exactPercent(channel.getValue()[1], answers));
                    sample += answers;
                }
            }
            if (channelCsats.size() < 2) {
                return new Measured(null, sample, MetricStatus.INSUFFICIENT);
            }
            return new Measured(MetricFormulas.consistency(channelCsats), sample, MetricStatus.of(sample, minSample));
        }
    },
    CSAT(true, true, CSAT_ANSWERS, c -> MetricFormulas.csat(c.get(SATISFIED), c.get(CSAT_ANSWERS)), SATISFIED),
    FCR(true, true, CONTACTS, c -> MetricFormulas.fcr(c.get(RESOLVED), c.get(CONTACTS)), RESOLVED),
    /** Departments and subtrees only: the company has no provider of its own. */
    INTERNAL_SERVICE(true, false, INTERNAL_ANSWERS,
            c -> MetricFormulas.internalService(c.get(INTERNAL_SCORE_SUM), c.get(INTERNAL_ANSWERS)), INTERNAL_SCORE_SUM),
    NPS(true, true, NPS_ANSWERS, c -> MetricFormulas.nps(c.get(PROMOTERS), c.get(DETRACTORS), c.get(NPS_ANSWERS)),
            PROMOTERS, DETRACTORS),
    /** The company's from customers.csv (sample: active at start); every other scope's from churn (sample: touched ∪ churned). */
    RETENTION(true, true, TOUCHED_OR_CHURNED, c -> MetricFormulas.departmentRetention(c.get(CHURNED), c.get(TOUCHED_OR_CHURNED)),
            CHURNED, ACTIVE_AT_START, ACTIVE_AT_END, ACQUIRED_IN_PERIOD) {
        @Override
        Measured measure(ScopeKind kind, ScopeCounts c, int minSample) {
            if (kind != ScopeKind.COMPANY) {
                return super.measure(kind, c, minSample);
            }
            long sample = c.get(ACTIVE_AT_START);
            return new Measured(sample > 0 ? MetricFormulas.companyRetention(c.get(ACTIVE_AT_END), c.get(ACQUIRED_IN_PERIOD),
                    sample) : null, sample, MetricStatus.of(sample, minSample));
        }
    };

    /** A metric's stored figure: value (null without observations), sample size and status. */
    record Measured(BigDecimal value, long sample, MetricStatus status) {
    }

    private final boolean higherIsBetter;
    private final boolean company;
    private final Counter sample;
    private final Function<ScopeCounts, BigDecimal> formula;
    private final Set<Counter> counters;

    /**
     * @param higherIsBetter the direction the attainment curve runs
     * @param company        whether the company scope has the metric (departments and subtrees have every metric)
     * @param sample         the counter that is the metric's sample size
     * @param formula        the value from a scope's counts, called only when the sample is positive
     * @param others         the other counters the formula reads
     */
    MetricCode(boolean higherIsBetter, boolean company, Counter sample, Function<ScopeCounts, BigDecimal> formula,
            Counter... others) {
        this.higherIsBetter = higherIsBetter;
        this.company = company;
        this.sample = sample;
        this.formula = formula;
        this.counters = EnumSet.of(sample, others);
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The counters the metric reads, in every scope kind. */
    public Set<Counter> counters() {
        return EnumSet.copyOf(counters);
    }

    /** Whether a scope of this kind has the metric: the company has only the external ones. */
    public boolean measuredFor(ScopeKind kind) {
        return kind != ScopeKind.COMPANY || company;
    }

    /** The metric of one scope from its counts; the default minimum-sample rule: a sample below min-sample is INSUFFICIENT. */
    Measured measure(ScopeKind kind, ScopeCounts c, int minSample) {
        long n = c.get(sample);
        return new Measured(n > 0 ? formula.apply(c) : null, n, MetricStatus.of(n, minSample));
    }

    /** The seven metrics measured on external customers; the company scope has only these. */
    public static Set<MetricCode> external() {
        return Arrays.stream(values()).filter(m -> m.company).collect(Collectors.toCollection(() -> EnumSet.noneOf(MetricCode.class)));
    }

    public static Set<String> names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
