package org.promiseledger.metrics;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.kernel.Databases;
import org.promiseledger.period.Period;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Counts what every scope did to customers, with constant memory whatever the number of rows. Additive counts
 * (answers, promoters, resolved contacts...) come per touchpoint from the tallies ingest made while it validated the
 * rows ({@link EventTallies}) and are rolled up to the company, each department and each subtree here, exactly.
 * Distinct customers are not additive, so every customer's departments are marked from one sequential read of each
 * event table and the customer is counted once per scope it touched.
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

    /** Customers marked in memory in one pass ({@code promise-ledger.customers-per-pass}). */
    private final int customersPerPass;

    MetricAggregator(JdbcTemplate jdbc, DataSource dataSource, SurveyExclusions exclusions, StagedOrganisation organisation,
            EventTallies tallies, ObjectProvider<CustomerPassListener> listeners, BatchSettings settings) {
        this.customersPerPass = settings.customersPerPass();
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

    /**
     * Counts, per scope, the distinct customers touched, the distinct churned customers whose last touchpoint it owns,
     * and the distinct customers of either kind ({@link DistinctCustomerCount}). Each event table is read once,
     * sequentially in file order (no sort and no index in the database: sorting millions of wide ids took a minute).
     * Past {@code customersPerPass} customers (known from customers.csv) the customers are counted in several passes.
     * Every {@link CustomerPassListener} sees each pass's answers and contacts, and keeps what it counted when all are
     * done.
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
        new DistinctCustomerCount(org, touchpoints.values(), exclusions.excludedTouchpoints(runId), counts, countings)
                .count((kind, rows) -> read(runId, kind, rows), bucket, buckets, passes(runId, buckets, customersPerPass));
    }

    /**
     * Feeds {@code counting} every answer and contact of the run, pass by pass, as aggregation's listeners are fed, for a
     * feature counting on its own (integrity, for a run aggregated by remote workers); nothing is counted here.
     */
    void feed(long runId, CustomerPassListener.Counting counting, int customersPerPass) {
        new DistinctCustomerCount(new OrgChart(Map.of()), List.of(), java.util.Set.of(), new HashMap<>(), List.of(counting))
                .count((kind, rows) -> {
                    if (kind == CustomerRows.Kind.ANSWER || kind == CustomerRows.Kind.CONTACT) {
                        read(runId, kind, rows);
                    }
                }, 0, 1, passes(runId, 1, customersPerPass));
    }

    /** Passes of at most {@code customersPerPass} customers for one of {@code buckets} shares of customers.csv (≥ 1). */
    int passes(long runId, int buckets, int customersPerPass) {
        Long customers = jdbc.queryForObject("SELECT COUNT(*) FROM in_customer WHERE run_id = ?", Long.class, runId);
        long share = (customers + buckets - 1) / buckets;
        return (int) Math.max(1, (share + customersPerPass - 1) / customersPerPass);
    }

    /** Streams the run's staged rows of one kind in file order (no sort), one row at a time. */
    private void read(long runId, CustomerRows.Kind kind, DistinctCustomerCount.RawRow rows) {
        RowCallbackHandler handler = switch (kind) {
            case CONTACT -> rs -> rows.row(rs.getString(1), rs.getString(2), rs.getBoolean(3));
            default -> rs -> rows.row(rs.getString(1), rs.getString(2), false);
        };
        String select = switch (kind) {
            case ANSWER -> "SELECT customer_id, touchpoint_id FROM in_survey WHERE run_id = ?";
            case CONTACT -> "SELECT customer_id, touchpoint_id, first_contact_resolved FROM in_contact WHERE run_id = ?";
            case COMPLAINT -> "SELECT customer_id, touchpoint_id FROM in_complaint WHERE run_id = ?";
            case CHURN -> "SELECT customer_id, last_touchpoint_id FROM in_churn WHERE run_id = ?";
        };
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(select,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(mySql ? Integer.MIN_VALUE : 10_000);
            statement.setLong(1, runId);
            return statement;
        }, handler);
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
}
