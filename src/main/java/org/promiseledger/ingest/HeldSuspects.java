package org.promiseledger.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows whose id fingerprint had been claimed before, held back until the whole file is read. Asking the database
 * row by row would need an index on every id column, which costs more to keep up while loading millions of rows
 * than everything else; instead the ids really claimed are looked up once, and the held rows settled in line order,
 * so the first occurrence of an id is kept and every later one rejected, exactly.
 */
final class HeldSuspects {

    private final List<RowOutcome.Suspect> held = new ArrayList<>();

    void hold(RowOutcome.Suspect suspect) {
        held.add(suspect);
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    Set<String> ids() {
        Set<String> ids = new HashSet<>();
        held.forEach(s -> ids.add(s.id()));
        return ids;
    }

    /**
     * @param claimedBefore the held ids that rows not held claimed: rows staged, or rejected only for their period
     * @return each held row's outcome, in line order
     */
    List<RowOutcome> settle(RowValidator validator, Set<String> claimedBefore) {
        Set<String> claimed = new HashSet<>(claimedBefore);
        List<RowOutcome> outcomes = new ArrayList<>(held.size());
        for (RowOutcome.Suspect suspect : held) {
            RowOutcome outcome = validator.settle(suspect, claimed.contains(suspect.id()));
            if (!(outcome instanceof RowOutcome.Rejected rejected && rejected.reason() == RejectReason.DUPLICATE_ID)) {
                claimed.add(suspect.id()); // it reached the period check, so it claims the id like any row
            }
            outcomes.add(outcome);
        }
        held.clear();
        return outcomes;
    }
}
