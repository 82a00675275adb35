package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.ScopeKind;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.scoring.ScopeResultStore;
import org.springframework.stereotype.Component;

/** Every department's own CX index in the chosen quarter and the three before it, as each quarter's run stored it. */
@Component
class DepartmentTrends {

    private final ScopeResultStore results;
    private final CalculatedPeriods periods;

    DepartmentTrends(ScopeResultStore results, CalculatedPeriods periods) {
        this.results = results;
        this.periods = periods;
    }

    /** By department id; a quarter without a run, or in which the department did not exist, is a gap. */
    Map<String, Sparkline> lastFourQuarters(Period last, Workforce workforce) {
        List<Period> quarters = List.of(last.previous().previous().previous(), last.previous().previous(), last.previous(), last);
        List<String> labels = quarters.stream().map(Period::toString).toList();
        Map<String, BigDecimal[]> values = new HashMap<>();
        for (int q = 0; q < quarters.size(); q++) {
            int index = q;
            QuarterlyRunRecord run = periods.run(quarters.get(q)).orElse(null);
            if (run == null) {
                continue;
            }
            results.cxIndexesOf(run.runId()).forEach((scope, cx) -> {
                if (scope.kind() == ScopeKind.DEPARTMENT) {
                    values.computeIfAbsent(scope.departmentId(), d -> new BigDecimal[quarters.size()])[index] = cx.value();
                }
            });
        }
        Map<String, Sparkline> trends = new HashMap<>();
        for (String department : workforce.org().departments()) {
            BigDecimal[] v = values.getOrDefault(department, new BigDecimal[quarters.size()]);
            trends.put(department, Sparkline.of("CX index of " + department + " " + workforce.departmentName(department), labels,
                    Arrays.asList(v)));
        }
        return trends;
    }
}
