package org.promiseledger.metrics;

/**
 * A count behind the metrics, held per scope in {@link ScopeCounts} and stored with the run (metric_count). How a
 * counter reaches the scopes is its {@link RollUp}; {@link ScopeRollUp} sums every counter of a kind without naming
 * them, so a new counter needs only a constant here and the SQL that fills it in {@link MetricAggregator}.
 */
public enum Counter {
    /** Accepted survey answers with an nps. */
    NPS_ANSWERS(RollUp.TOUCHPOINTS),
    /** Answers with nps 9–10. */
    PROMOTERS(RollUp.TOUCHPOINTS),
    /** Answers with nps 0–6; the passives (7–8) are NPS_ANSWERS − PROMOTERS − DETRACTORS. */
    DETRACTORS(RollUp.TOUCHPOINTS),
    /** Answers with a csat. */
    CSAT_ANSWERS(RollUp.TOUCHPOINTS),
    /** Answers with csat 4–5. */
    SATISFIED(RollUp.TOUCHPOINTS),
    /** Answers with an effort. */
    EFFORT_ANSWERS(RollUp.TOUCHPOINTS),
    /** The sum of those efforts. */
    EFFORT_SUM(RollUp.TOUCHPOINTS),
    /** Contact rows. */
    CONTACTS(RollUp.TOUCHPOINTS),
    /** Contacts resolved at first contact. */
    RESOLVED(RollUp.TOUCHPOINTS),
    /** Upheld complaint rows. */
    UPHELD_COMPLAINTS(RollUp.TOUCHPOINTS),
    /** Distinct customers of the scope's surveys, contacts and complaints. */
    CUSTOMERS_TOUCHED(RollUp.DISTINCT_CUSTOMERS),
    /** Distinct churned customers whose last touchpoint the scope owns (not counted for the company). */
    CHURNED(RollUp.DISTINCT_CUSTOMERS),
    /** Distinct customers touched or churned (not counted for the company). */
    TOUCHED_OR_CHURNED(RollUp.DISTINCT_CUSTOMERS),
    /** Internal survey answers with the scope's departments as provider (no company figure). */
    INTERNAL_ANSWERS(RollUp.PROVIDERS),
    /** The sum of those scores, 1..5 each. */
    INTERNAL_SCORE_SUM(RollUp.PROVIDERS),
    /** customers.csv rows active at the start of the quarter (the company only). */
    ACTIVE_AT_START(RollUp.COMPANY_CUSTOMERS),
    /** customers.csv rows active at the end of the quarter (the company only). */
    ACTIVE_AT_END(RollUp.COMPANY_CUSTOMERS),
    /** customers.csv rows acquired in the quarter (the company only). */
    ACQUIRED_IN_PERIOD(RollUp.COMPANY_CUSTOMERS);

    /** How a counter's per-row counts become a scope's. */
    public enum RollUp {
        /** Grouped per touchpoint by the database, then summed to the company, the owner and every subtree above it. */
        TOUCHPOINTS,
        /** Grouped per providing department, then summed to the department and every subtree above it; no company. */
        PROVIDERS,
        /** Distinct customers, counted once per scope from the customers' marks (not additive). */
        DISTINCT_CUSTOMERS,
        /** customers.csv, counted for the company only. */
        COMPANY_CUSTOMERS
    }

    private final RollUp rollUp;

    Counter(RollUp rollUp) {
        this.rollUp = rollUp;
    }

    public RollUp rollUp() {
        return rollUp;
    }
}
