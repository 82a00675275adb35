package org.promiseledger.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.metrics.MetricCode;
import org.promiseledger.metrics.StagedOrganisation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What other features may read of a run's accepted organisation rows: departments, touchpoint owners, employees with
 * their performance, and targets (in_department, in_touchpoint, in_employee, in_performance, in_target). Ingest owns
 * those tables; scoring, the web pages and the command line ask here instead of naming them.
 */
@Repository
public class StagedWorkforce implements StagedOrganisation {

    /**
     * An employee's rows in date order (their ranges never overlap, and an open start comes first), so that the
     * latest segment is read last and wins.
     */
    private static final String LATEST_SEGMENT_LAST = CheckInputTasklet.LATEST_SEGMENT_LAST;

    /** One departments.csv row; parentId is null or empty at the top. */
    public record Department(String departmentId, String name, String parentId) {
    }

    /** One employees.csv row as the org sees it; managerId null or empty when none. */
    public record Member(String employeeId, String name, String departmentId, String role, String managerId) {
    }

    /**
     * One employees.csv row with its performance.csv row (both percentages null when there is none); salary in the
     * currency, percentages as written (12.5 = 12.5 %), null dates open.
     */
    public record EmployeeSegment(String employeeId, String role, String departmentId, BigDecimal baseSalary,
            BigDecimal targetBonusPct, BigDecimal salesAttainmentPct, BigDecimal productivityPct, LocalDate validFrom,
            LocalDate validTo) {
    }

    /** One targets.csv row: the metric's threshold, target and stretch for a scope (COMPANY or a department id). */
    public record TargetRow(String metric, String scope, BigDecimal threshold, BigDecimal target, BigDecimal stretch) {
    }

    /** One performance.csv row: sales attainment and productivity in percent. */
    public record Performance(BigDecimal salesAttainmentPct, BigDecimal productivityPct) {
    }

    private final JdbcTemplate jdbc;

    StagedWorkforce(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> departmentParents(long runId) {
        Map<String, String> parents = new HashMap<>();
        jdbc.query("SELECT department_id, parent_id FROM in_department WHERE run_id = ?", rs -> {
            parents.put(rs.getString(1), rs.getString(2));
        }, runId);
        return parents;
    }

    @Override
    public List<StagedOrganisation.Touchpoint> touchpoints(long runId) {
        return jdbc.query("SELECT touchpoint_id, owner_department_id, channel, moment_of_truth FROM in_touchpoint WHERE run_id = ?",
                (rs, i) -> new StagedOrganisation.Touchpoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                runId);
    }

    @Override
    public java.util.Optional<BigDecimal> companyThreshold(long runId, MetricCode metric) {
        return jdbc.queryForList("SELECT threshold FROM in_target WHERE run_id = ? AND scope = 'COMPANY' AND metric = ?",
                BigDecimal.class, runId, metric.name()).stream().findFirst();
    }

    /** The run's departments, in no particular order. */
    public List<Department> departments(long runId) {
        return jdbc.query("SELECT department_id, name, parent_id FROM in_department WHERE run_id = ?",
                (rs, i) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3)), runId);
    }

    /** The run's department ids, in no particular order. */
    public List<String> departmentIds(long runId) {
        return jdbc.queryForList("SELECT department_id FROM in_department WHERE run_id = ?", String.class, runId);
    }

    /** Touchpoint id -> the department that owns it. */
    public Map<String, String> touchpointOwners(long runId) {
        Map<String, String> owners = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, owner_department_id FROM in_touchpoint WHERE run_id = ?", rs -> {
            owners.put(rs.getString(1), rs.getString(2));
        }, runId);
        return owners;
    }

    /** Touchpoint id -> name, for the touchpoints marked as a moment of truth. */
    public Map<String, String> momentOfTruthNames(long runId) {
        Map<String, String> names = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, name FROM in_touchpoint WHERE run_id = ? AND moment_of_truth = TRUE", rs -> {
            names.put(rs.getString(1), rs.getString(2));
        }, runId);
        return names;
    }

    /** Every targets.csv row of the run. */
    public List<TargetRow> targets(long runId) {
        return jdbc.query("SELECT metric, scope, threshold, target, stretch FROM in_target WHERE run_id = ?",
                (rs, i) -> new TargetRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5)), runId);
    }

    /** Every employees.csv row of the run with its performance, in file order. */
    public List<EmployeeSegment> employeeSegments(long runId) {
        return jdbc.query("""
                SELECT e.employee_id, e.role, e.department_id, e.base_salary, e.target_bonus_pct,
                       p.sales_attainment_pct, p.productivity_pct, e.valid_from, e.valid_to
                FROM in_employee e
                LEFT JOIN in_performance p ON p.run_id = e.run_id AND p.employee_id = e.employee_id
                WHERE e.run_id = ?
                ORDER BY e.line_no""", (rs, i) -> new EmployeeSegment(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                        date(rs.getDate(8)), date(rs.getDate(9))), runId);
    }

    /** Every employees.csv row of the run, each employee's latest segment after their earlier ones. */
    public List<Member> members(long runId) {
        return jdbc.query("SELECT employee_id, name, department_id, role, manager_id FROM in_employee WHERE run_id = ?"
                + LATEST_SEGMENT_LAST, (rs, i) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), runId);
    }

    /** One employee's rows of the run, latest segment last; empty when the run does not list them. */
    public List<Member> segmentsOf(long runId, String employeeId) {
        return jdbc.query("SELECT employee_id, name, department_id, role, manager_id FROM in_employee WHERE run_id = ?"
                + " AND employee_id = ?" + LATEST_SEGMENT_LAST, (rs, i) -> new Member(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5)), runId, employeeId);
    }

    /** Every employees.csv row of the run by employee id, then file order (an employee's last row is last). */
    public List<Member> membersByEmployee(long runId) {
        return jdbc.query("SELECT employee_id, name, department_id, role, manager_id FROM in_employee WHERE run_id = ?"
                + " ORDER BY employee_id, line_no", (rs, i) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)), runId);
    }

    /** The employee's performance.csv row, if the run has one. */
    public java.util.Optional<Performance> performance(long runId, String employeeId) {
        return jdbc.query("SELECT sales_attainment_pct, productivity_pct FROM in_performance WHERE run_id = ? AND employee_id = ?",
                (rs, i) -> new Performance(rs.getBigDecimal(1), rs.getBigDecimal(2)), runId, employeeId).stream().findFirst();
    }

    private static LocalDate date(java.sql.Date value) {
        return value == null ? null : value.toLocalDate();
    }
}
