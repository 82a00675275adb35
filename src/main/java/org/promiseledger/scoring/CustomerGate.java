package org.promiseledger.scoring;

import java.math.BigDecimal;

/**
 * Whom the customer gate applies to, as the rules decided it: one fact per employee (or segment fact), inserted by
 * the plan's gate-subject rule, with the company attainment the gate watches. The rule that pays a gated employee
 * nothing replaces it with its {@link #closedBy closed} copy. Java never decides who is gated: it books this fact.
 *
 * @param employeeId the employee the fact is about
 * @param applies    whether the gate applies to this employee (e.g. the plan's executives)
 * @param measure    what the gate watches, in words (e.g. "company NPS"); null when the rules name none
 * @param attainment the watched attainment (0 closes the gate in the shipped plan); null when unknown
 * @param closed     whether the gate closed for this employee, so the amount became 0
 * @param ruleName   the rule that last decided the fact (the subject rule, or the closing rule once closed)
 */
public record CustomerGate(String employeeId, boolean applies, String measure, BigDecimal attainment, boolean closed,
        String ruleName) {

    /** The subject rule's fact: whether the gate applies, and what it watches; not (yet) closed. */
    public CustomerGate(String employeeId, boolean applies, String measure, BigDecimal attainment, String ruleName) {
        this(employeeId, applies, measure, attainment, false, ruleName);
    }

    /** The same fact, closed by the named rule. */
    public CustomerGate closedBy(String closingRule) {
        return new CustomerGate(employeeId, applies, measure, attainment, true, closingRule);
    }

    /** The fact as booked with the payout. */
    public PlanDecision decision() {
        return new PlanDecision(employeeId, PlanDecision.CUSTOMER_GATE, applies,
                !applies ? PlanDecision.NOT_APPLICABLE : closed ? PlanDecision.CLOSED : PlanDecision.OPEN, measure, attainment,
                ruleName);
    }
}
