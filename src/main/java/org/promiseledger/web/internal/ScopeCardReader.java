package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.promiseledger.ingest.StagedWorkforce;
import org.promiseledger.kernel.CodePoints;
import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.metrics.MetricCode;
import org.promiseledger.metrics.MetricCountStore;
import org.promiseledger.metrics.MomentOfTruthCheck;
import org.promiseledger.metrics.NpsInterval;
import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.scoring.CxIndex;
import org.promiseledger.scoring.MetricAttainment;
import org.promiseledger.scoring.ScopeResultStore;
import org.promiseledger.ledger.LedgerReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what a run stored for one scope — its metrics, counts and moment-of-truth checks (metrics/ read API), its
 * attainments and CX index (scoring/ScopeResultStore), in_target and the scope's rule trail — into a {@link ScopeCard}.
 * Nothing is recounted: the NPS interval comes from the scope's stored promoter, detractor and answer counts.
 */
@Component
class ScopeCardReader {

    private final JdbcTemplate jdbc;
    private final DepartmentMetricStore metrics;
    private final MetricCountStore counts;
    private final ScopeResultStore results;
    private final LedgerReads ledger;
    private final StagedWorkforce staged;

    ScopeCardReader(JdbcTemplate jdbc, DepartmentMetricStore metrics, MetricCountStore counts, ScopeResultStore results,
            LedgerReads ledger, StagedWorkforce staged) {
        this.jdbc = jdbc;
        this.staged = staged;
        this.metrics = metrics;
        this.counts = counts;
        this.results = results;
        this.ledger = ledger;
    }

    /** @param previousRunId the run of the quarter before, for the NPS change; null when there is none */
    ScopeCard read(long runId, ScopeRef scope, Workforce workforce, Long previousRunId) {
        Map<String, MetricAttainment> attained = results.attainmentsOf(runId, scope);
        Map<String, Targets> targets = targetsFor(runId, scope.departmentId());
        List<MetricLine> lines = metrics.metricsOf(runId, scope).stream().map(m -> {
            String metric = m.metric().name();
            return line(runId, scope, metric, m.value(), m.sampleSize(), m.status().name(), targets.get(metric),
                    attained.get(metric), previousRunId);
        }).sorted((a, b) -> CodePoints.ORDER.compare(a.metric(), b.metric())).toList();
        CxIndex cx = results.cxIndexOf(runId, scope).orElse(new CxIndex(scope.kind().name(), scope.departmentId(), null, null));
        List<TrailLine> trail = ledger.trail(runId, scope.label()).stream()
                .map(t -> new TrailLine(t.subject(), t.ruleName(), t.decision())).toList();
        boolean internalOnly = !metrics.ownsTouchpoints(runId, scope);
        return new ScopeCard(scope, title(scope, workforce), cx.value(), cx.basis(), cxReading(cx.basis(), internalOnly), lines,
                moments(runId, scope, workforce), trail);
    }

    /** What the company's metric attained in the run (scoring/ScopeResultStore); null when the rules gave it none. */
    BigDecimal companyAttainment(long runId, String metric) {
        MetricAttainment attained = results.attainmentsOf(runId, ScopeRef.COMPANY).get(metric);
        return attained == null ? null : attained.attainment();
    }

    static String title(ScopeRef scope, Workforce workforce) {
        return switch (scope.kind()) {
            case COMPANY -> "Company";
            case DEPARTMENT -> "Department " + scope.departmentId() + " " + workforce.departmentName(scope.departmentId());
            case SUBTREE -> "Subtree " + scope.departmentId() + " " + workforce.departmentName(scope.departmentId())
                    + " and everything below it";
        };
    }

    private record Targets(BigDecimal threshold, BigDecimal target, BigDecimal stretch, String of) {
    }

    /** A scope uses its own target row for a metric, else the company's (a subtree: its root department's row). */
    private Map<String, Targets> targetsFor(long runId, String departmentId) {
        Map<String, Targets> targets = new HashMap<>();
        // the company's row first, so the scope's own row, when there is one, wins
        staged.targets(runId).stream().filter(t -> t.scope().equals(ScopeRef.COMPANY_ID) || t.scope().equals(departmentId))
                .sorted(java.util.Comparator.comparing((StagedWorkforce.TargetRow t) -> t.scope().equals(ScopeRef.COMPANY_ID) ? 0 : 1))
                .forEach(t -> targets.put(t.metric(), new Targets(t.threshold(), t.target(), t.stretch(), t.scope())));
        return targets;
    }

    private MetricLine line(long runId, ScopeRef scope, String metric, BigDecimal value, long sample, String status,
            Targets targets, MetricAttainment attained, Long previousRunId) {
        NpsInterval interval = null;
        String change = null;
        if (metric.equals(MetricCode.NPS.name())) {
            interval = counts.npsIntervalOf(runId, scope).orElse(null);
            change = interval == null || value == null || previousRunId == null ? null
                    : npsChange(previousRunId, scope, interval);
        }
        String ref = "METRIC:" + scope.kind() + ":" + scope.departmentId() + ":" + metric;
        String label = metric + " of " + scope.label();
        return new MetricLine(metric, value, sample, status, targets == null ? null : targets.threshold(),
                targets == null ? null : targets.target(), targets == null ? null : targets.stretch(),
                targets == null ? null : targets.of(), attained == null ? null : attained.attainment(),
                attained == null ? null : attained.basis(), reading(metric, sample, status, targets, attained), interval,
                change, ref, label);
    }

    private static String reading(String metric, long sample, String status, Targets targets, MetricAttainment attained) {
        String why = metric.equals("CONSISTENCY")
                ? "INSUFFICIENT (fewer than two channels with the minimum sample of CSAT answers)"
                : "INSUFFICIENT (" + sample + " answers, fewer than the minimum sample)";
        if (attained == null) {
            if (targets == null) {
                return "no target row: not scored";
            }
            return "INSUFFICIENT".equals(status)
                    ? why + " and no company figure to borrow: not scored" + (metric.equals("INTERNAL_SERVICE")
                            ? "; internal service counts only for a scope that owns no touchpoints" : "")
                    : "not scored";
        }
        return switch (attained.basis()) {
            case "CURVE" -> "on the threshold-target-stretch curve";
            case "COMPANY_FALLBACK" -> why + ": uses the company attainment " + four(attained.attainment());
            case "INSUFFICIENT" -> why + ": a company metric without enough answers attains 0";
            default -> attained.basis() + ("INSUFFICIENT".equals(status) ? " (" + why + ")" : "");
        };
    }

    /** @param internalOnly the rules scored the scope on its internal service (it owns no touchpoints) */
    static String cxReading(String basis, boolean internalOnly) {
        if (basis == null) {
            return "no CX index stored";
        }
        return switch (basis) {
            case "WEIGHTED_METRICS" -> internalOnly
                    ? "no touchpoints of its own: the attainment of its internal service (INTERNAL_SERVICE)"
                    : "the weighted attainments of its metrics";
            case "COMPANY_CX" -> "no touchpoints and too few internal service answers: the company's CX index";
            case "MOMENT_OF_TRUTH_CAP" -> "capped at 1.0 because a moment-of-truth touchpoint it owns failed its check";
            default -> basis;
        };
    }

    /** The departments whose touchpoints a scope covers; null for the company (all of them). */
    private static Set<String> owners(ScopeRef scope, Workforce workforce) {
        return switch (scope.kind()) {
            case COMPANY -> null;
            case DEPARTMENT -> Set.of(scope.departmentId());
            case SUBTREE -> new HashSet<>(workforce.org().subtree(scope.departmentId()));
        };
    }

    private String npsChange(long previousRunId, ScopeRef scope, NpsInterval interval) {
        BigDecimal last = metrics.valueOf(previousRunId, scope, MetricCode.NPS).orElse(null);
        if (last == null) {
            return null;
        }
        return "last quarter " + four(last) + (interval.contains(last)
                ? ": inside this quarter's 90 % interval, so the change may be noise"
                : ": outside this quarter's 90 % interval, a real change");
    }

    private List<MomentCheck> moments(long runId, ScopeRef scope, Workforce workforce) {
        Set<String> owners = owners(scope, workforce);
        List<MomentOfTruthCheck> stored = metrics.momentOfTruthChecksOf(runId).stream()
                .filter(m -> owners == null || owners.contains(m.ownerDepartmentId())).toList();
        Map<String, String> names = stored.isEmpty() ? Map.of() : staged.momentOfTruthNames(runId);
        return stored.stream().map(m -> new MomentCheck(m.touchpointId(), names.get(m.touchpointId()), m.ownerDepartmentId(),
                m.csat(), m.csatSample(), m.companyThreshold(), m.fired(),
                momentReading(scope, m.fired(), m.csat(), m.companyThreshold()))).toList();
    }

    private static String momentReading(ScopeRef scope, boolean fired, BigDecimal csat, BigDecimal threshold) {
        if (!fired) {
            return csat != null && threshold != null && csat.compareTo(threshold) < 0
                    ? "CSAT below the company threshold on fewer answers than the minimum sample: no cap"
                    : "CSAT at or above the company threshold " + four(threshold) + ": no cap";
        }
        return scope.kind() == ScopeKind.COMPANY
                ? "CSAT below the company threshold " + four(threshold) + ": caps its department and subtrees, never the company"
                : "CSAT below the company threshold " + four(threshold) + ": this scope's CX index is capped at 1.0";
    }

    private static String four(BigDecimal value) {
        return Formats.fourPlaces(value);
    }
}
