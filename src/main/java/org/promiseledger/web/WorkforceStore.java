package org.promiseledger.web;

import java.util.HashMap;
import java.util.Map;

import org.promiseledger.ingest.CheckInputTasklet;
import org.promiseledger.metrics.OrgChart;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads a run's employees and departments (in_employee, in_department) for visibility decisions and labels. */
@Repository
class WorkforceStore {

    private final JdbcTemplate jdbc;

    WorkforceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Workforce of(long runId) {
        Map<String, Workforce.Member> members = new HashMap<>();
        jdbc.query("SELECT employee_id, name, department_id, role, manager_id FROM in_employee WHERE run_id = ?"
                + CheckInputTasklet.LATEST_SEGMENT_LAST, rs -> { // who sees whose pay follows the latest segment
            members.put(rs.getString(1), new Workforce.Member(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getString(4), emptyToNull(rs.getString(5))));
        }, runId);
        Map<String, String> names = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        jdbc.query("SELECT department_id, name, parent_id FROM in_department WHERE run_id = ?", rs -> {
            names.put(rs.getString(1), rs.getString(2));
            parents.put(rs.getString(1), emptyToNull(rs.getString(3)));
        }, runId);
        return new Workforce(Map.copyOf(members), Map.copyOf(names), new OrgChart(parents));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
