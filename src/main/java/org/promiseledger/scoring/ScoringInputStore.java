package org.promiseledger.scoring;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.metrics.OrgChart;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads a run's scoring input back from what the run stored: scoring never looks at the input files. */
@Repository
public class ScoringInputStore {

    private final JdbcTemplate jdbc;
    private final DepartmentMetricStore metrics;

    ScoringInputStore(JdbcTemplate jdbc, DepartmentMetricStore metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    public ScoringInput load(long runId) {
        Map<String, String> parents = new HashMap<>();
        jdbc.query("SELECT department_id, parent_id FROM in_department WHERE run_id = ?",
                rs -> {
                    parents.put(rs.getString(1), rs.getString(2));
                }, runId);
        Map<String, String> owners = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, owner_department_id FROM in_touchpoint WHERE run_id = ?",
                rs -> {
                    owners.put(rs.getString(1), rs.getString(2));
                }, runId);
        List<Target> targets = jdbc.query("SELECT metric, scope, threshold, target, stretch FROM in_target WHERE run_id = ?",
                (rs, i) -> new Target(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)), runId);
        List<Employee> employees = jdbc.query("""
                SELECT e.employee_id, e.role, e.department_id, e.base_salary, e.target_bonus_pct,
                       p.sales_attainment_pct, p.productivity_pct
                FROM in_employee e
                LEFT JOIN in_performance p ON p.run_id = e.run_id AND p.employee_id = e.employee_id
                WHERE e.run_id = ?""", (rs, i) -> {
                    BigDecimal salary = rs.getBigDecimal(4).stripTrailingZeros();
                    BigDecimal pct = rs.getBigDecimal(5).stripTrailingZeros();
                    return new Employee(rs.getString(1), rs.getString(2), rs.getString(3), salary,
                            salary.multiply(pct).movePointLeft(2), strip(rs.getBigDecimal(6)), strip(rs.getBigDecimal(7)));
                }, runId);
        return new ScoringInput(metrics.metricsOf(runId), metrics.momentOfTruthChecksOf(runId), targets, owners,
                new OrgChart(parents), employees);
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
