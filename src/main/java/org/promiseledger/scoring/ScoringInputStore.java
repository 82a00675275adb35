package org.promiseledger.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.DepartmentMetricStore;
import org.promiseledger.metrics.OrgChart;
import org.promiseledger.period.Period;
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
        Period period = Period.parse(jdbc.queryForObject("SELECT period FROM quarterly_run WHERE run_id = ?", String.class, runId));
        Map<String, List<Row>> rowsByEmployee = new LinkedHashMap<>();
        jdbc.query("""
                SELECT e.employee_id, e.role, e.department_id, e.base_salary, e.target_bonus_pct,
                       p.sales_attainment_pct, p.productivity_pct, e.valid_from, e.valid_to
                FROM in_employee e
                LEFT JOIN in_performance p ON p.run_id = e.run_id AND p.employee_id = e.employee_id
                WHERE e.run_id = ?
                ORDER BY e.line_no""", rs -> {
                    Row row = new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4).stripTrailingZeros(),
                            rs.getBigDecimal(5).stripTrailingZeros(), strip(rs.getBigDecimal(6)), strip(rs.getBigDecimal(7)),
                            date(rs.getDate(8)), date(rs.getDate(9)));
                    rowsByEmployee.computeIfAbsent(row.employeeId(), k -> new ArrayList<>()).add(row);
                }, runId);
        List<Employee> employees = new ArrayList<>();
        Map<String, Segment> segments = new HashMap<>();
        for (List<Row> rows : rowsByEmployee.values()) {
            Row only = rows.get(0);
            if (rows.size() == 1 && only.coversWholeQuarter(period)) {
                employees.add(only.fact(only.employeeId(), only.salary().multiply(only.pct()).movePointLeft(2)));
                continue;
            }
            for (Row row : rows) {
                Segment segment = row.segment(period);
                BigDecimal targetBonus = row.salary().multiply(row.pct()).movePointLeft(2)
                        .multiply(BigDecimal.valueOf(segment.days()), PlanMath.MATH)
                        .divide(BigDecimal.valueOf(segment.quarterDays()), PlanMath.MATH);
                employees.add(row.fact(segment.key(), targetBonus));
                segments.put(segment.key(), segment);
            }
        }
        return new ScoringInput(metrics.metricsOf(runId), metrics.momentOfTruthChecksOf(runId), targets, owners,
                new OrgChart(parents), employees, segments);
    }

    /** One accepted employees.csv row; null dates are open. */
    private record Row(String employeeId, String role, String departmentId, BigDecimal salary, BigDecimal pct,
            BigDecimal salesPct, BigDecimal productivityPct, LocalDate validFrom, LocalDate validTo) {

        boolean coversWholeQuarter(Period period) {
            return (validFrom == null || !validFrom.isAfter(period.firstDay()))
                    && (validTo == null || !validTo.isBefore(period.lastDay()));
        }

        /** The row clipped to the quarter: ingest accepts only rows that meet it, so the clip is never empty. */
        Segment segment(Period period) {
            LocalDate from = validFrom == null || validFrom.isBefore(period.firstDay()) ? period.firstDay() : validFrom;
            LocalDate to = validTo == null || validTo.isAfter(period.lastDay()) ? period.lastDay() : validTo;
            int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
            return new Segment(Segment.keyOf(employeeId, from, to), employeeId, from, to, days, period.days());
        }

        Employee fact(String id, BigDecimal targetBonus) {
            return new Employee(id, role, departmentId, salary, targetBonus, salesPct, productivityPct);
        }
    }

    private static LocalDate date(java.sql.Date value) {
        return value == null ? null : value.toLocalDate();
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
