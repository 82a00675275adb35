package org.promiseledger.metrics;

import org.promiseledger.kernel.CodePoints;

import java.util.Comparator;

/** A scope: the company (department id {@code COMPANY}), a department, or a department's subtree. */
public record ScopeRef(ScopeKind kind, String departmentId) implements Comparable<ScopeRef> {

    public static final String COMPANY_ID = "COMPANY";
    public static final ScopeRef COMPANY = new ScopeRef(ScopeKind.COMPANY, COMPANY_ID);

    private static final Comparator<ScopeRef> ORDER = Comparator.comparing(ScopeRef::kind)
            .thenComparing(ScopeRef::departmentId, CodePoints.ORDER);

    public static ScopeRef department(String id) {
        return new ScopeRef(ScopeKind.DEPARTMENT, id);
    }

    public static ScopeRef subtree(String id) {
        return new ScopeRef(ScopeKind.SUBTREE, id);
    }

    /** How the scope is named in rule trails and logs, e.g. {@code DEPARTMENT D04}. */
    public String label() {
        return kind == ScopeKind.COMPANY ? "COMPANY" : kind + " " + departmentId;
    }

    @Override
    public int compareTo(ScopeRef other) {
        return ORDER.compare(this, other);
    }
}
