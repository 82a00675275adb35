package org.promiseledger.metrics;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.PriorityQueue;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts what every scope did to customers, with constant memory whatever the number of rows. Additive counts
 * (answers, promoters, resolved contacts...) are grouped per touchpoint by the database and rolled up to the company,
 * each department and each subtree here, exactly. Distinct customers are not additive, so the database streams each
 * customer's departments in customer order and every customer is counted once per scope it touched.
 */
@Component
class MetricAggregator {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    /** Connector/J streams a result row by row only with fetch size MIN_VALUE; H2 pages large results itself. */
    private final boolean mySql;
    /** The order the database sorts ids in: code points on MySQL/MariaDB (binary collation), UTF-16 units on H2. */
    private final java.util.Comparator<String> customerOrder;

    MetricAggregator(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.mySql = isMySql(dataSource);
        this.customerOrder = mySql ? CodePoints.ORDER : java.util.Comparator.naturalOrder();
    }

    OrgChart orgChart(long runId) {
        Map<String, String> parents = new HashMap<>();
        jdbc.query("SELECT department_id, parent_id FROM in_department WHERE run_id = ?",
                rs -> {
                    parents.put(rs.getString(1), rs.getString(2));
                }, runId);
        return new OrgChart(parents);
    }

    /**
     * Records which touchpoints make up each scope of the run (the company, the owner, the owner's and each ancestor's
     * subtree), so scorecards can recount a scope's answers (e.g. the NPS interval) without redoing the org chart.
     */
    void mapScopes(long runId, OrgChart org, Map<String, TouchpointCounts> touchpoints) {
        jdbc.update("DELETE FROM scope_touchpoint WHERE run_id = ?", runId);
        List<Object[]> rows = new java.util.ArrayList<>();
        for (TouchpointCounts t : touchpoints.values()) {
            rows.add(new Object[] {runId, ScopeKind.COMPANY.name(), ScopeRef.COMPANY_ID, t.touchpointId()});
            rows.add(new Object[] {runId, ScopeKind.DEPARTMENT.name(), t.owner(), t.touchpointId()});
            org.selfAndAncestors(t.owner()).forEach(a -> rows.add(new Object[] {runId, ScopeKind.SUBTREE.name(), a, t.touchpointId()}));
        }
        jdbc.batchUpdate("INSERT INTO scope_touchpoint (run_id, scope, department_id, touchpoint_id) VALUES (?, ?, ?, ?)", rows);
    }

    /** A touchpoint's owner and channel, and its survey, contact and complaint counts. */
    record TouchpointCounts(String touchpointId, String owner, String channel, boolean momentOfTruth, ScopeCounts counts) {
    }

    Map<String, TouchpointCounts> countsByTouchpoint(long runId) {
        Map<String, TouchpointCounts> touchpoints = new LinkedHashMap<>();
        jdbc.query("SELECT touchpoint_id, owner_department_id, channel, moment_of_truth FROM in_touchpoint WHERE run_id = ?",
                rs -> {
                    touchpoints.put(rs.getString(1), new TouchpointCounts(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getBoolean(4), new ScopeCounts()));
                }, runId);
        perTouchpoint(touchpoints, """
                SELECT touchpoint_id, COUNT(nps),
                       SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END), SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END),
                       COUNT(csat), SUM(CASE WHEN csat >= 4 THEN 1 ELSE 0 END), COUNT(effort), COALESCE(SUM(effort), 0)
                FROM in_survey WHERE run_id = ? GROUP BY touchpoint_id""", (c, rs) -> {
                    c.npsAnswers = rs.getLong(2);
                    c.promoters = rs.getLong(3);
                    c.detractors = rs.getLong(4);
                    c.csatAnswers = rs.getLong(5);
                    c.satisfied = rs.getLong(6);
                    c.effortAnswers = rs.getLong(7);
                    c.effortSum = rs.getLong(8);
                }, runId);
        perTouchpoint(touchpoints, """
                SELECT touchpoint_id, COUNT(*), SUM(CASE WHEN first_contact_resolved THEN 1 ELSE 0 END)
                FROM in_contact WHERE run_id = ? GROUP BY touchpoint_id""", (c, rs) -> {
                    c.contacts = rs.getLong(2);
                    c.resolved = rs.getLong(3);
                }, runId);
        perTouchpoint(touchpoints, """
                SELECT touchpoint_id, SUM(CASE WHEN upheld THEN 1 ELSE 0 END)
                FROM in_complaint WHERE run_id = ? GROUP BY touchpoint_id""", (c, rs) -> c.upheldComplaints = rs.getLong(2), runId);
        return touchpoints;
    }

    /** Internal survey answers and score sums per providing department: {answers, score sum}. */
    Map<String, long[]> internalByProvider(long runId) {
        Map<String, long[]> providers = new HashMap<>();
        jdbc.query("SELECT provider_department_id, COUNT(*), SUM(score) FROM in_internal_survey WHERE run_id = ?"
                + " GROUP BY provider_department_id", rs -> {
                    providers.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, runId);
        return providers;
    }

    /**
     * Counts, per scope, the distinct customers touched, the distinct churned customers whose last touchpoint it owns,
     * and the distinct customers of either kind. Each event table is read in customer order straight off its
     * (run, customer, touchpoint) index — no sort, no join in the database — and the four streams are merged here, one
     * customer at a time, so memory stays flat however many rows there are.
     */
    void countDistinctCustomers(long runId, OrgChart org, Map<String, TouchpointCounts> touchpoints,
            Map<ScopeRef, ScopeCounts> counts) {
        Map<String, List<String>> chains = new HashMap<>();
        org.departments().forEach(d -> chains.put(d, org.selfAndAncestors(d)));
        CustomerTally tally = new CustomerTally(chains, counts);
        List<CustomerStream> streams = new ArrayList<>();
        try {
            streams.add(open(runId, "SELECT customer_id, touchpoint_id FROM in_survey", false));
            streams.add(open(runId, "SELECT customer_id, touchpoint_id FROM in_contact", false));
            streams.add(open(runId, "SELECT customer_id, touchpoint_id FROM in_complaint", false));
            streams.add(open(runId, "SELECT customer_id, last_touchpoint_id FROM in_churn", true));
            PriorityQueue<CustomerStream> byCustomer = new PriorityQueue<>(
                    (a, b) -> customerOrder.compare(a.customer, b.customer));
            for (CustomerStream stream : streams) {
                if (stream.advance()) {
                    byCustomer.add(stream);
                }
            }
            while (!byCustomer.isEmpty()) {
                CustomerStream next = byCustomer.poll();
                TouchpointCounts touchpoint = touchpoints.get(next.touchpoint);
                if (touchpoint != null) {
                    tally.add(next.customer, touchpoint.owner(), next.churn);
                }
                if (next.advance()) {
                    byCustomer.add(next);
                }
            }
            tally.flush();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the customer streams: " + e.getMessage(), e);
        } finally {
            streams.forEach(CustomerStream::close);
        }
    }

    private CustomerStream open(long runId, String select, boolean churn) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            PreparedStatement statement = connection.prepareStatement(select + " WHERE run_id = ? ORDER BY customer_id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(mySql ? Integer.MIN_VALUE : 10_000);
            statement.setLong(1, runId);
            return new CustomerStream(connection, statement, statement.executeQuery(), churn);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** One event table read in customer order: the row it stands on. */
    private static final class CustomerStream {
        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final boolean churn;
        private String customer;
        private String touchpoint;

        CustomerStream(Connection connection, PreparedStatement statement, ResultSet rows, boolean churn) {
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.churn = churn;
        }

        boolean advance() throws SQLException {
            if (!rows.next()) {
                return false;
            }
            customer = rows.getString(1);
            touchpoint = rows.getString(2);
            return true;
        }

        void close() {
            try (connection; statement; rows) {
                // closed in reverse order by try-with-resources
            } catch (SQLException ignored) {
                // nothing was written on these connections
            }
        }
    }

    CompanyCustomers companyCustomers(long runId) {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(CASE WHEN active_at_start THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN active_at_end THEN 1 ELSE 0 END), 0),
                       COALESCE(SUM(CASE WHEN acquired_in_period THEN 1 ELSE 0 END), 0)
                FROM in_customer WHERE run_id = ?""",
                (rs, i) -> new CompanyCustomers(rs.getLong(1), rs.getLong(2), rs.getLong(3)), runId);
    }

    BigDecimal companyThreshold(long runId, MetricCode metric) {
        List<BigDecimal> found = jdbc.queryForList(
                "SELECT threshold FROM in_target WHERE run_id = ? AND scope = 'COMPANY' AND metric = ?",
                BigDecimal.class, runId, metric.name());
        return found.isEmpty() ? null : found.get(0);
    }

    private void perTouchpoint(Map<String, TouchpointCounts> touchpoints, String sql, RowInto into, Object... args) {
        jdbc.query(sql, rs -> {
            TouchpointCounts touchpoint = touchpoints.get(rs.getString(1));
            if (touchpoint != null) {
                into.accept(touchpoint.counts(), rs);
            }
        }, args);
    }

    @FunctionalInterface
    private interface RowInto {
        void accept(ScopeCounts counts, ResultSet rs) throws SQLException;
    }

    private static boolean isMySql(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            return product.contains("mysql") || product.contains("mariadb");
        } catch (SQLException e) {
            return false;
        }
    }

    /** One customer at a time: the departments they touched and those owning their last touchpoint when they left. */
    private static final class CustomerTally {
        private final Map<String, List<String>> chains;
        private final Map<ScopeRef, ScopeCounts> counts;
        private String customer;
        private final Set<String> touched = new HashSet<>();
        private final Set<String> churned = new HashSet<>();

        CustomerTally(Map<String, List<String>> chains, Map<ScopeRef, ScopeCounts> counts) {
            this.chains = chains;
            this.counts = counts;
        }

        void add(String customerId, String department, boolean churn) {
            if (!customerId.equals(customer)) {
                flush();
                customer = customerId;
            }
            (churn ? churned : touched).add(department);
        }

        void flush() {
            if (customer == null) {
                return;
            }
            if (!touched.isEmpty()) {
                counts(ScopeRef.COMPANY).customersTouched++;
            }
            Set<String> touchedSubtrees = subtrees(touched);
            Set<String> churnedSubtrees = subtrees(churned);
            for (String d : touched) {
                counts(ScopeRef.department(d)).customersTouched++;
            }
            for (String d : churned) {
                counts(ScopeRef.department(d)).churned++;
            }
            Set<String> either = new HashSet<>(touched);
            either.addAll(churned);
            either.forEach(d -> counts(ScopeRef.department(d)).touchedOrChurned++);
            touchedSubtrees.forEach(d -> counts(ScopeRef.subtree(d)).customersTouched++);
            churnedSubtrees.forEach(d -> counts(ScopeRef.subtree(d)).churned++);
            Set<String> eitherSubtrees = new HashSet<>(touchedSubtrees);
            eitherSubtrees.addAll(churnedSubtrees);
            eitherSubtrees.forEach(d -> counts(ScopeRef.subtree(d)).touchedOrChurned++);
            touched.clear();
            churned.clear();
            customer = null;
        }

        private Set<String> subtrees(Set<String> departments) {
            Set<String> roots = new HashSet<>();
            departments.forEach(d -> roots.addAll(chains.getOrDefault(d, List.of(d))));
            return roots;
        }

        private ScopeCounts counts(ScopeRef scope) {
            return counts.computeIfAbsent(scope, s -> new ScopeCounts());
        }
    }

}
