package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.util.List;

import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.scoring.PlanDecision;

/** The scorecard's customer-gate reading, from the booked CUSTOMER_GATE decisions alone (whole quarter or segments). */
final class ScorecardGate {

    private ScorecardGate() {
    }

    /**
     * @param decisions the employee's booked decisions in the run
     * @param segmented whether the employee was paid on segments of the quarter
     */
    static ScorecardView.Gate of(List<LedgerReads.Decision> decisions, boolean segmented) {
        List<LedgerReads.Decision> gates = decisions.stream().filter(d -> d.kind().equals(PlanDecision.CUSTOMER_GATE)).toList();
        if (gates.isEmpty()) {
            return new ScorecardView.Gate(null, false, false, "The rules booked no customer gate decision for this payout.");
        }
        LedgerReads.Decision shown = gates.stream().filter(d -> PlanDecision.CLOSED.equals(d.outcome())).findFirst()
                .or(() -> gates.stream().filter(LedgerReads.Decision::applies).findFirst()).orElse(gates.get(0));
        BigDecimal attainment = shown.value();
        boolean applies = gates.stream().anyMatch(LedgerReads.Decision::applies);
        boolean closed = gates.stream().anyMatch(d -> PlanDecision.CLOSED.equals(d.outcome()));
        String attains = (shown.measure() == null ? "the watched attainment" : shown.measure()) + " attains "
                + Formats.fourPlaces(attainment);
        String reading = !applies ? "The customer gate does not apply to this employee (" + attains + ")."
                : closed && segmented ? "Customer gate CLOSED: " + attains
                        + ", so every gated segment of the quarter is paid 0 (its score is kept and shown); other segments are paid."
                : closed ? "Customer gate CLOSED: " + attains + ", so the amount is 0.00 (the score is kept and shown)."
                : "Customer gate open: " + attains + ", so the gate does not stop this payout.";
        return new ScorecardView.Gate(attainment, applies, closed, reading);
    }
}
