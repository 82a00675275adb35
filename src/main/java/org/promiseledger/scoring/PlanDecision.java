package org.promiseledger.scoring;

import java.math.BigDecimal;

/**
 * One decision of the plan about one employee (or one segment of their quarter), kept as data so that every view
 * tells what the rules decided without reading rule names or sentences: booked with the payout in the
 * {@code payout_decision} ledger table. Rules insert these facts (or a {@link CustomerGate}, which becomes one);
 * the run adds the pool proration.
 *
 * @param employeeId whom it is about
 * @param kind       {@link #CUSTOMER_GATE}, {@link #CAP}, {@link #FALLBACK}, {@link #ATTAINMENT} (the rule that decided
 *                   a component's attainment), {@link #WEIGHT} (the rule that weighed it) or {@link #PRORATION}
 * @param applies    whether it applies: the gate applies to this employee, the cap binds, the fallback was taken
 * @param outcome    what came of it, a short code (OPEN/CLOSED/NOT_APPLICABLE for the gate; the component for an
 *                   attainment, weight or fallback); may be null
 * @param measure    what {@code value} measures, in words (e.g. "company NPS", "cap multiple"); may be null
 * @param value      the number behind the decision (an attainment, a cap multiple, a proration factor); may be null
 * @param ruleName   the rule that decided it, as the rules name it (never read by code, only shown)
 */
public record PlanDecision(String employeeId, String kind, boolean applies, String outcome, String measure, BigDecimal value,
        String ruleName) {

    public static final String CUSTOMER_GATE = "CUSTOMER_GATE";
    public static final String CAP = "CAP";
    public static final String FALLBACK = "FALLBACK";
    public static final String ATTAINMENT = "ATTAINMENT";
    public static final String WEIGHT = "WEIGHT";
    public static final String PRORATION = "PRORATION";

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String NOT_APPLICABLE = "NOT_APPLICABLE";

    /** The order decisions of one employee are booked in: by kind in this order, then as the rules made them. */
    public static final java.util.List<String> KIND_ORDER = java.util.List.of(ATTAINMENT, WEIGHT, FALLBACK, CAP, CUSTOMER_GATE,
            PRORATION);
}
