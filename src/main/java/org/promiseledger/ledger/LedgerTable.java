package org.promiseledger.ledger;

import java.util.List;

/**
 * The hash-chained ledger tables and the business columns of their canonical content, in hash order. Writing and
 * `audit verify` both read this list, so the two can never disagree on what a row's hash covers.
 */
public enum LedgerTable {
    PAYOUT("payout", List.of("period", "employee_id", "role", "department_id", "base_salary", "target_bonus", "score",
            "amount", "currency", "rule_set_version", "input_fingerprint")),
    PAYOUT_LINE("payout_line", List.of("period", "employee_id", "seq", "component", "weight", "attainment", "contribution"),
            List.of("segment_from", "segment_to", "segment_days", "quarter_days", "segment_department_id", "segment_role",
                    "segment_target_bonus")),
    RULE_TRAIL("rule_trail", List.of("period", "subject", "seq", "rule_name", "decision")),
    ADJUSTMENT("adjustment", List.of("period", "employee_id", "amount", "reason", "booked_by")),
    PAYOUT_DECISION("payout_decision", List.of("period", "employee_id", "segment_from", "seq", "kind", "applies", "outcome",
            "measure", "decided_value", "rule_name"));

    private final String table;
    private final List<String> canonicalColumns;
    private final List<String> segmentColumns;

    LedgerTable(String table, List<String> canonicalColumns) {
        this(table, canonicalColumns, List.of());
    }

    LedgerTable(String table, List<String> canonicalColumns, List<String> segmentColumns) {
        this.table = table;
        this.canonicalColumns = canonicalColumns;
        this.segmentColumns = segmentColumns;
    }

    public String table() {
        return table;
    }

    public List<String> canonicalColumns() {
        return canonicalColumns;
    }

    /**
     * Columns that describe the segment of an employee's quarter a row belongs to. They enter the canonical content
     * only when set, so a row of an employee paid on one whole-quarter segment hashes as it did before they existed.
     */
    public List<String> segmentColumns() {
        return segmentColumns;
    }
}
