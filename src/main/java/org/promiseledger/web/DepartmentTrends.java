package org.promiseledger.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every department's own CX index in the chosen quarter and the three before it, as each quarter's run stored it. */
@Component
class DepartmentTrends {

    private final JdbcTemplate jdbc;
    private final CalculatedPeriods periods;

    DepartmentTrends(JdbcTemplate jdbc, CalculatedPeriods periods) {
        this.jdbc = jdbc;
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
            jdbc.query("SELECT department_id, cx_index FROM cx_index WHERE run_id = ? AND scope = 'DEPARTMENT'", rs -> {
                values.computeIfAbsent(rs.getString(1), d -> new BigDecimal[quarters.size()])[index] = rs.getBigDecimal(2);
            }, run.runId());
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
