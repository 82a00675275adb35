package org.promiseledger.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.promiseledger.kernel.CodePoints;
import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.metrics.ScopeRef;
import org.promiseledger.scoring.Scope;
import org.promiseledger.ledger.LedgerReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what a run stored for one scope — department_metrics, metric_attainment, cx_index, mot_check, in_target and
 * the scope's rule trail — into a {@link ScopeCard}. Nothing is recomputed but the NPS interval, from the run's
 * accepted survey rows (in_survey) at the touchpoints the scope's departments own (in_touchpoint).
 */
@Component
class ScopeCardReader {

    private final JdbcTemplate jdbc;
    private final LedgerReads ledger;

    ScopeCardReader(JdbcTemplate jdbc, LedgerReads ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** @param previousRunId the run of the quarter before, for the NPS change; null when there is none */
    ScopeCard read(long runId, ScopeRef scope, Workforce workforce, Long previousRunId) {
        String scopeKind = scope.kind().name();
        String departmentId = scope.departmentId();
        Map<String, Attained> attained = new HashMap<>();
        jdbc.query("SELECT metric, attainment, basis FROM metric_attainment WHERE run_id = ? AND scope = ? AND department_id = ?",
                rs -> {
                    attained.put(rs.getString(1), new Attained(rs.getBigDecimal(2), rs.getString(3)));
                }, runId, scopeKind, departmentId);
        Map<String, Targets> targets = targetsFor(runId, departmentId);
        List<MetricLine> metrics = jdbc.query("SELECT metric, value, sample_size, status FROM department_metrics"
                + " WHERE run_id = ? AND scope = ? AND department_id = ? ORDER BY metric", (rs, i) -> {
                    String metric = rs.getString(1);
                    return line(runId, scope, workforce, metric, rs.getBigDecimal(2), rs.getLong(3), rs.getString(4),
                            targets.get(metric), attained.get(metric), previousRunId);
                }, runId, scopeKind, departmentId);
        metrics = metrics.stream().sorted((a, b) -> CodePoints.ORDER.compare(a.metric(), b.metric())).toList();
        record Cx(BigDecimal value, String basis) {
        }
        Cx cx = jdbc.query("SELECT cx_index, basis FROM cx_index WHERE run_id = ? AND scope = ? AND department_id = ?",
                (rs, i) -> new Cx(rs.getBigDecimal(1), rs.getString(2)), runId, scopeKind, departmentId)
                .stream().findFirst().orElse(new Cx(null, null));
        List<TrailLine> trail = ledger.trail(runId, scope.label()).stream()
                .map(t -> new TrailLine(t.subject(), t.ruleName(), t.decision())).toList();
        boolean internalOnly = trail.stream().anyMatch(t -> t.decision().contains("(" + Scope.INTERNAL_ONLY + ")"));
        return new ScopeCard(scope, title(scope, workforce), cx.value(), cx.basis(), cxReading(cx.basis(), internalOnly), metrics,
                moments(runId, scope, workforce), trail);
    }

    static String title(ScopeRef scope, Workforce workforce) {
        return switch (scope.kind()) {
            case COMPANY -> "Company";
            case DEPARTMENT -> "Department " + scope.departmentId() + " " + workforce.departmentName(scope.departmentId());
            case SUBTREE -> "Subtree " + scope.departmentId() + " " + workforce.departmentName(scope.departmentId())
                    + " and everything below it";
        };
    }

    private record Attained(BigDecimal attainment, String basis) {
    }

    private record Targets(BigDecimal threshold, BigDecimal target, BigDecimal stretch, String of) {
    }

    /** A scope uses its own target row for a metric, else the company's (a subtree: its root department's row). */
    private Map<String, Targets> targetsFor(long runId, String departmentId) {
        Map<String, Targets> targets = new HashMap<>();
        jdbc.query("SELECT metric, scope, threshold, target, stretch FROM in_target WHERE run_id = ? AND scope IN (?, ?)"
                + " ORDER BY CASE WHEN scope = 'COMPANY' THEN 0 ELSE 1 END", rs -> {
                    targets.put(rs.getString(1), new Targets(rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                            rs.getString(2)));
                }, runId, ScopeRef.COMPANY_ID, departmentId);
        return targets;
    }

    private MetricLine line(long runId, ScopeRef scope, Workforce workforce, String metric, BigDecimal value, long sample, String status,
            Targets targets, Attained attained, Long previousRunId) {
        NpsInterval interval = null;
        String change = null;
        if (metric.equals("NPS")) {
            interval = npsInterval(runId, scope, workforce);
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

    private static String reading(String metric, long sample, String status, Targets targets, Attained attained) {
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

    /**
     * Counts the run's accepted answers with an NPS at the scope's touchpoints (by owner department, so the same
     * attribution as the metric) and turns them into the interval; null when nobody answered.
     */
    private NpsInterval npsInterval(long runId, ScopeRef scope, Workforce workforce) {
        Set<String> owners = owners(scope, workforce);
        long[] counts = new long[3];
        jdbc.query("""
                SELECT t.owner_department_id, COUNT(s.nps), COALESCE(SUM(CASE WHEN s.nps >= 9 THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN s.nps <= 6 THEN 1 ELSE 0 END), 0)
                FROM in_survey s
                JOIN in_touchpoint t ON t.run_id = s.run_id AND t.touchpoint_id = s.touchpoint_id
                WHERE s.run_id = ?
                  AND s.touchpoint_id NOT IN (SELECT x.touchpoint_id FROM integrity_exclusion x WHERE x.run_id = ?)
                GROUP BY t.owner_department_id""", rs -> {
                    if (owners == null || owners.contains(rs.getString(1))) {
                        counts[0] += rs.getLong(2);
                        counts[1] += rs.getLong(3);
                        counts[2] += rs.getLong(4);
                    }
                }, runId, runId);
        return counts[0] == 0 ? null : NpsInterval.of(counts[1], counts[2], counts[0]);
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
        List<BigDecimal> before = jdbc.query("SELECT value FROM department_metrics WHERE run_id = ? AND scope = ?"
                + " AND department_id = ? AND metric = 'NPS'", (rs, i) -> rs.getBigDecimal(1), previousRunId,
                scope.kind().name(), scope.departmentId());
        if (before.isEmpty() || before.get(0) == null) {
            return null;
        }
        BigDecimal last = before.get(0);
        return "last quarter " + four(last) + (interval.contains(last)
                ? ": inside this quarter's 90 % interval, so the change may be noise"
                : ": outside this quarter's 90 % interval, a real change");
    }

    private List<MomentCheck> moments(long runId, ScopeRef scope, Workforce workforce) {
        Set<String> owners = owners(scope, workforce);
        List<MomentCheck> checks = new ArrayList<>();
        jdbc.query("""
                SELECT m.touchpoint_id, t.name, m.owner_department_id, m.csat, m.csat_sample, m.company_threshold, m.fired
                FROM mot_check m
                LEFT JOIN in_touchpoint t ON t.run_id = m.run_id AND t.touchpoint_id = m.touchpoint_id
                WHERE m.run_id = ?""", rs -> {
                    String owner = rs.getString(3);
                    if (owners == null || owners.contains(owner)) {
                        boolean fired = rs.getBoolean(7);
                        BigDecimal csat = rs.getBigDecimal(4);
                        BigDecimal threshold = rs.getBigDecimal(6);
                        checks.add(new MomentCheck(rs.getString(1), rs.getString(2), owner, csat, rs.getLong(5), threshold,
                                fired, momentReading(scope, fired, csat, threshold)));
                    }
                }, runId);
        checks.sort((a, b) -> CodePoints.ORDER.compare(a.touchpointId(), b.touchpointId()));
        return checks;
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
