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

import java.sql.PreparedStatement;
import java.util.ArrayList;

import javax.sql.DataSource;

import org.promiseledger.kernel.Databases;
import org.promiseledger.period.Period;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Counts what every scope did to customers, with constant memory whatever the number of rows. Additive counts
 * (answers, promoters, resolved contacts...) come per touchpoint from the tallies ingest made while it validated the
 * rows ({@link EventTallies}) and are rolled up to the company, each department and each subtree here, exactly. Distinct customers are not additive, so every customer's departments
 * are marked from one sequential read of each event table and the customer is counted once per scope it touched.
 */
@Component
class MetricAggregator {

    private final JdbcTemplate jdbc;
    /**
     * Survey rows of the touchpoints a review EXCLUDED (score integrity, listed per run before this step) are left out
     * of every metric, exactly as if they were not in the input.
     */
    private final SurveyExclusions exclusions;
    /** Connector/J streams a result row by row only with fetch size MIN_VALUE; H2 pages large results itself. */
    private final boolean mySql;

    private final StagedOrganisation organisation;
    private final EventTallies tallies;
    /** Other features counting per customer, fed from the same streamed rows (integrity); none on a remote worker. */
    private final ObjectProvider<CustomerPassListener> listeners;

    MetricAggregator(JdbcTemplate jdbc, DataSource dataSource, SurveyExclusions exclusions, StagedOrganisation organisation,
            EventTallies tallies, ObjectProvider<CustomerPassListener> listeners) {
        this.jdbc = jdbc;
        this.tallies = tallies;
        this.listeners = listeners;
        this.exclusions = exclusions;
        this.organisation = organisation;
        this.mySql = Databases.isMySql(dataSource);
    }

    OrgChart orgChart(long runId) {
        return new OrgChart(new HashMap<>(organisation.departmentParents(runId)));
    }

    /**
     * Records which touchpoints make up each scope of the run (the company, the owner, the owner's and each ancestor's
     * subtree), so what a scope's stored figures cover can be looked up without redoing the org chart. Pages read the
     * scope's stored counts (metric_count), never its rows.
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

    Map<String, TouchpointCounts> countsByTouchpoint(long runId, Period period) {
        Map<String, TouchpointCounts> touchpoints = touchpoints(runId);
        count(runId, period, touchpoints);
        return touchpoints;
    }

    /** Every touchpoint of the run with its owner and channel, counts zero, in the order the database gives them. */
    Map<String, TouchpointCounts> touchpoints(long runId) {
        Map<String, TouchpointCounts> touchpoints = new LinkedHashMap<>();
        organisation.touchpoints(runId).forEach(t -> touchpoints.put(t.touchpointId(), new TouchpointCounts(t.touchpointId(),
                t.ownerDepartmentId(), t.channel(), t.momentOfTruth(), new ScopeCounts())));
        return touchpoints;
    }

    /**
     * Fills the given touchpoints' additive counters (every touchpoint of the run, or a remote partition's) from the
     * tallies ingest made of the accepted rows: NPS promoters 9–10 and detractors 0–6, CSAT satisfied 4–5, the effort
     * sum, contacts resolved first time, upheld complaints (DESIGN, "Metrics").
     */
    void count(long runId, Period period, Map<String, TouchpointCounts> touchpoints) {
        Map<String, TouchpointCounts> surveyed = surveyed(runId, touchpoints);
        tallies.of(runId, period, EventTallies.Events.SURVEYS).forEach((touchpoint, tally) -> {
            TouchpointCounts t = surveyed.get(touchpoint);
            if (t != null) {
                ScopeCounts c = t.counts();
                c.set(Counter.NPS_ANSWERS, tally.answered("nps"));
                c.set(Counter.PROMOTERS, tally.where("nps", nps -> nps >= 9));
                c.set(Counter.DETRACTORS, tally.where("nps", nps -> nps <= 6));
                c.set(Counter.CSAT_ANSWERS, tally.answered("csat"));
                c.set(Counter.SATISFIED, tally.where("csat", csat -> csat >= 4));
                c.set(Counter.EFFORT_ANSWERS, tally.answered("effort"));
                c.set(Counter.EFFORT_SUM, tally.sum("effort"));
            }
        });
        tallies.of(runId, period, EventTallies.Events.CONTACTS).forEach((touchpoint, tally) -> {
            TouchpointCounts t = touchpoints.get(touchpoint);
            if (t != null) {
                t.counts().set(Counter.CONTACTS, tally.rows());
                t.counts().set(Counter.RESOLVED, tally.flagged("first_contact_resolved"));
            }
        });
        tallies.of(runId, period, EventTallies.Events.COMPLAINTS).forEach((touchpoint, tally) -> {
            TouchpointCounts t = touchpoints.get(touchpoint);
            if (t != null) {
                t.counts().set(Counter.UPHELD_COMPLAINTS, tally.flagged("upheld"));
            }
        });
    }

    /** The touchpoints whose survey answers count: all but those the run excludes (their counts stay zero). */
    private Map<String, TouchpointCounts> surveyed(long runId, Map<String, TouchpointCounts> touchpoints) {
        java.util.Set<String> excluded = exclusions.excludedTouchpoints(runId);
        if (excluded.isEmpty()) {
            return touchpoints;
        }
        Map<String, TouchpointCounts> surveyed = new HashMap<>(touchpoints);
        surveyed.keySet().removeAll(excluded);
        return surveyed;
    }

    /** Internal survey answers and score sums per providing department (INTERNAL_ANSWERS, INTERNAL_SCORE_SUM). */
    Map<String, ScopeCounts> internalByProvider(long runId) {
        Map<String, ScopeCounts> providers = new HashMap<>();
        jdbc.query("SELECT provider_department_id, COUNT(*), SUM(score) FROM in_internal_survey WHERE run_id = ?"
                + " GROUP BY provider_department_id", rs -> {
                    ScopeCounts c = new ScopeCounts();
                    c.set(Counter.INTERNAL_ANSWERS, rs.getLong(2));
                    c.set(Counter.INTERNAL_SCORE_SUM, rs.getLong(3));
                    providers.put(rs.getString(1), c);
                }, runId);
        return providers;
    }

    /** Customers whose marks one pass keeps in memory; more customers than this are counted in several passes. */
    static final int CUSTOMERS_PER_PASS = 500_000;

    /**
     * Counts, per scope, the distinct customers touched, the distinct churned customers whose last touchpoint it owns,
     * and the distinct customers of either kind. Each event table is read once, sequentially in file order (no sort
     * and no index in the database: sorting millions of wide ids took a minute), and each customer's departments are
     * marked in memory. Memory grows with customers, not rows; past {@link #CUSTOMERS_PER_PASS} customers (known
     * from customers.csv) the customers are split by hash into passes, each reading the tables again. Every
     * {@link CustomerPassListener} sees each pass's answers and contacts, and keeps what it counted when all are done.
     */
    void countDistinctCustomers(long runId, OrgChart org, Map<String, TouchpointCounts> touchpoints,
            Map<ScopeRef, ScopeCounts> counts) {
        List<CustomerPassListener.Counting> countings = listeners.orderedStream().map(l -> l.start(runId)).toList();
        countDistinctCustomers(runId, org, touchpoints, counts, 0, 1, countings);
        countings.forEach(CustomerPassListener.Counting::finished);
    }

    /**
     * The same, for one share of the customers only: those whose id hashes to {@code bucket} of {@code buckets} (a remote
     * partition's). The shares of all buckets add up to the whole, scope by scope, since each customer is in one share.
     */
    void countDistinctCustomers(long runId, OrgChart org, Map<String, TouchpointCounts> touchpoints,
            Map<ScopeRef, ScopeCounts> counts, int bucket, int buckets) {
        countDistinctCustomers(runId, org, touchpoints, counts, bucket, buckets, List.of());
    }

    private void countDistinctCustomers(long runId, OrgChart org, Map<String, TouchpointCounts> touchpoints,
            Map<ScopeRef, ScopeCounts> counts, int bucket, int buckets, List<CustomerPassListener.Counting> countings) {
        Map<String, List<String>> chains = new HashMap<>();
        org.departments().forEach(d -> chains.put(d, org.selfAndAncestors(d)));
        List<String> departments = new ArrayList<>();
        Map<String, Integer> departmentIndex = new HashMap<>();
        Map<String, Integer> ownerOfTouchpoint = new HashMap<>();
        for (TouchpointCounts touchpoint : touchpoints.values()) {
            Integer index = departmentIndex.computeIfAbsent(touchpoint.owner(), owner -> {
                departments.add(owner);
                return departments.size() - 1;
            });
            ownerOfTouchpoint.put(touchpoint.touchpointId(), index);
        }
        Map<String, Integer> surveyedOwners = new HashMap<>(ownerOfTouchpoint);
        surveyedOwners.keySet().removeAll(exclusions.excludedTouchpoints(runId));
        Long customers = jdbc.queryForObject("SELECT COUNT(*) FROM in_customer WHERE run_id = ?", Long.class, runId);
        long share = (customers + buckets - 1) / buckets;
        int passes = (int) Math.max(1, (share + CUSTOMERS_PER_PASS - 1) / CUSTOMERS_PER_PASS);
        CustomerTally tally = new CustomerTally(chains, counts);
        for (int pass = 0; pass < passes; pass++) {
            Map<String, CustomerMarks> marks = new HashMap<>();
            // a customer is in this pass when its hash is bucket + buckets * pass modulo buckets * passes
            int slice = bucket + buckets * pass;
            int slices = buckets * passes;
            Marker marker = new Marker(slice, slices, marks);
            // listeners see every answer and contact, those of excluded touchpoints too (integrity judges them all)
            stream(runId, "SELECT customer_id, touchpoint_id FROM in_survey WHERE run_id = ?", marker.rows(rs -> {
                String customer = rs.getString(1);
                String touchpoint = rs.getString(2);
                countings.forEach(c -> c.answer(customer, touchpoint));
                marker.mark(customer, surveyedOwners.get(touchpoint), false);
            }));
            stream(runId, "SELECT customer_id, touchpoint_id, first_contact_resolved FROM in_contact WHERE run_id = ?", marker.rows(rs -> {
                String customer = rs.getString(1);
                String touchpoint = rs.getString(2);
                boolean resolved = rs.getBoolean(3);
                countings.forEach(c -> c.contact(customer, touchpoint, resolved));
                marker.mark(customer, ownerOfTouchpoint.get(touchpoint), false);
            }));
            countings.forEach(CustomerPassListener.Counting::passEnded);
            stream(runId, "SELECT customer_id, touchpoint_id FROM in_complaint WHERE run_id = ?",
                    marker.rows(rs -> marker.mark(rs.getString(1), ownerOfTouchpoint.get(rs.getString(2)), false)));
            stream(runId, "SELECT customer_id, last_touchpoint_id FROM in_churn WHERE run_id = ?",
                    marker.rows(rs -> marker.mark(rs.getString(1), ownerOfTouchpoint.get(rs.getString(2)), true)));
            marks.forEach((customer, marked) -> {
                for (int i = 0; i < marked.size; i++) {
                    tally.add(customer, departments.get(marked.items[i] >> 1), (marked.items[i] & 1) == 1);
                }
                tally.flush();
            });
        }
    }

    /** Marks the departments of the customers in one pass; the rows of other passes' customers are skipped. */
    private record Marker(int pass, int passes, Map<String, CustomerMarks> marks) {

        /** Only the rows of this pass's customers (column 1 is the customer id) reach {@code handler}. */
        RowCallbackHandler rows(RowCallbackHandler handler) {
            return rs -> {
                if (passes == 1 || Math.floorMod(rs.getString(1).hashCode(), passes) == pass) {
                    handler.processRow(rs);
                }
            };
        }

        /** @param owner the department index owning the row's touchpoint, null when it is not counted */
        void mark(String customer, Integer owner, boolean churn) {
            if (owner != null) {
                marks.computeIfAbsent(customer, c -> new CustomerMarks()).add(owner << 1 | (churn ? 1 : 0));
            }
        }
    }

    /** Streams a select of the run's rows in file order (no sort), one row at a time. */
    private void stream(long runId, String select, RowCallbackHandler handler) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(select,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(mySql ? Integer.MIN_VALUE : 10_000);
            statement.setLong(1, runId);
            return statement;
        }, handler);
    }

    /** The distinct (department, touched or churned) marks of one customer: a handful, so a small array. */
    private static final class CustomerMarks {
        private int[] items = new int[4];
        private int size;

        void add(int item) {
            for (int i = 0; i < size; i++) {
                if (items[i] == item) {
                    return;
                }
            }
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
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
        return organisation.companyThreshold(runId, metric).orElse(null);
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
                counts(ScopeRef.COMPANY).increment(Counter.CUSTOMERS_TOUCHED);
            }
            Set<String> touchedSubtrees = subtrees(touched);
            Set<String> churnedSubtrees = subtrees(churned);
            for (String d : touched) {
                counts(ScopeRef.department(d)).increment(Counter.CUSTOMERS_TOUCHED);
            }
            for (String d : churned) {
                counts(ScopeRef.department(d)).increment(Counter.CHURNED);
            }
            Set<String> either = new HashSet<>(touched);
            either.addAll(churned);
            either.forEach(d -> counts(ScopeRef.department(d)).increment(Counter.TOUCHED_OR_CHURNED));
            touchedSubtrees.forEach(d -> counts(ScopeRef.subtree(d)).increment(Counter.CUSTOMERS_TOUCHED));
            churnedSubtrees.forEach(d -> counts(ScopeRef.subtree(d)).increment(Counter.CHURNED));
            Set<String> eitherSubtrees = new HashSet<>(touchedSubtrees);
            eitherSubtrees.addAll(churnedSubtrees);
            eitherSubtrees.forEach(d -> counts(ScopeRef.subtree(d)).increment(Counter.TOUCHED_OR_CHURNED));
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
