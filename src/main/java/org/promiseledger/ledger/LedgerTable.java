package org.promiseledger.ledger;

import java.util.List;

/**
 * The hash-chained ledger tables and the business columns of their canonical content, in hash order. Writing and
 * `audit verify` both read this list, so the two can never disagree on what a row's hash covers.
 */
public enum LedgerTable {
    PAYOUT("payout", List.of("period", "employee_id", "role", "department_id", "base_salary", "target_bonus", "score",
            "amount", "currency", "rule_set_version", "input_fingerprint")),
    PAYOUT_LINE("payout_line", List.of("period", "employee_id", "seq", "component", "weight", "attainment", "contribution")),
    RULE_TRAIL("rule_trail", List.of("period", "subject", "seq", "rule_name", "decision")),
    ADJUSTMENT("adjustment", List.of("period", "employee_id", "amount", "reason", "booked_by"));

    private final String table;
    private final List<String> canonicalColumns;

    LedgerTable(String table, List<String> canonicalColumns) {
        this.table = table;
        this.canonicalColumns = canonicalColumns;
    }

    public String table() {
        return table;
    }

    public List<String> canonicalColumns() {
        return canonicalColumns;
    }
}
