package org.promiseledger.scoring;

import java.util.ArrayList;
import java.util.List;

/** The rules' own account of what they decided, in words, in firing order; a global of every session. */
public final class RuleTrail {

    /** One decision: the subject it is about (a scope or an employee), the rule's name and what it decided. */
    public record Entry(String subject, String ruleName, String decision) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public void note(String subject, String ruleName, String decision) {
        entries.add(new Entry(subject, ruleName, decision));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
