package org.promiseledger.ingest;

import static org.promiseledger.ingest.Column.id;
import static org.promiseledger.ingest.Column.of;
import static org.promiseledger.ingest.Column.optional;
import static org.promiseledger.ingest.Column.optionalRef;
import static org.promiseledger.ingest.Column.ref;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.promiseledger.metrics.MetricCode;

/**
 * The eleven files of the data contract, in the order they are ingested: a file's references are always
 * ingested before it, and the reference files (any reject stops the run) come first.
 */
public enum InputFile {
    DEPARTMENTS("departments.csv", "in_department", true),
    EMPLOYEES("employees.csv", "in_employee", true),
    TOUCHPOINTS("touchpoints.csv", "in_touchpoint", true),
    TARGETS("targets.csv", "in_target", true),
    CUSTOMERS("customers.csv", "in_customer", false),
    SURVEYS("surveys.csv", "in_survey", false),
    CONTACTS("contacts.csv", "in_contact", false),
    COMPLAINTS("complaints.csv", "in_complaint", false),
    CHURN("churn.csv", "in_churn", false),
    INTERNAL_SURVEYS("internal_surveys.csv", "in_internal_survey", false),
    PERFORMANCE("performance.csv", "in_performance", false);

    public static final BigDecimal MAX_BASE_SALARY = new BigDecimal("1000000000");
    public static final BigDecimal MAX_TARGET_BONUS_PCT = new BigDecimal("1000");
    static final Set<String> ROLES = Set.of("EXECUTIVE", "MANAGER", "STAFF");
    static final Set<String> CHANNELS = Set.of("PHONE", "BRANCH", "WEB", "APP", "EMAIL", "CHAT", "FIELD");

    private final String fileName;
    private final String stagingTable;
    private final boolean reference;

    InputFile(String fileName, String stagingTable, boolean reference) {
        this.fileName = fileName;
        this.stagingTable = stagingTable;
        this.reference = reference;
    }

    public String fileName() {
        return fileName;
    }

    String stagingTable() {
        return stagingTable;
    }

    /** Reference files describe the company and the plan: a single reject in one of them stops the run. */
    public boolean isReference() {
        return reference;
    }

    List<Column> columns() {
        FieldType amount = new FieldType.Decimal(false);
        // bounded so that target bonuses and payouts fit the ledger's columns with room to spare (PayoutLedger checks again)
        FieldType salary = new FieldType.Decimal(false, MAX_BASE_SALARY);
        FieldType bonusPct = new FieldType.Decimal(false, MAX_TARGET_BONUS_PCT);
        FieldType flag = new FieldType.Flag();
        FieldType at = new FieldType.Timestamp();
        return switch (this) {
            case DEPARTMENTS -> List.of(id("department_id"), of("name", new FieldType.Text()),
                    optionalRef("parent_id", DEPARTMENTS));
            case EMPLOYEES -> List.of(id("employee_id"), of("name", new FieldType.Text()),
                    ref("department_id", DEPARTMENTS), of("role", new FieldType.Choice(ROLES)),
                    of("base_salary", salary), of("target_bonus_pct", bonusPct), optionalRef("manager_id", EMPLOYEES),
                    optional("valid_from", new FieldType.Date()), optional("valid_to", new FieldType.Date()));
            case TOUCHPOINTS -> List.of(id("touchpoint_id"), of("name", new FieldType.Text()),
                    of("channel", new FieldType.Choice(CHANNELS)), ref("owner_department_id", DEPARTMENTS),
                    of("moment_of_truth", flag));
            case TARGETS -> List.of(of("metric", new FieldType.Choice(MetricCode.names())),
                    ref("scope", DEPARTMENTS), of("threshold", new FieldType.Decimal(true)),
                    of("target", new FieldType.Decimal(true)), of("stretch", new FieldType.Decimal(true)));
            case CUSTOMERS -> List.of(id("customer_id"), of("active_at_start", flag), of("active_at_end", flag),
                    of("acquired_in_period", flag));
            case SURVEYS -> List.of(id("response_id"), id("customer_id"), ref("touchpoint_id", TOUCHPOINTS),
                    of("responded_at", at), optional("nps", new FieldType.Score(0, 10)),
                    optional("csat", new FieldType.Score(1, 5)), optional("effort", new FieldType.Score(1, 7)));
            case CONTACTS -> List.of(id("contact_id"), id("customer_id"), ref("touchpoint_id", TOUCHPOINTS),
                    of("opened_at", at), of("first_contact_resolved", flag));
            case COMPLAINTS -> List.of(id("complaint_id"), id("customer_id"), ref("touchpoint_id", TOUCHPOINTS),
                    of("raised_at", at), of("severity", new FieldType.Score(1, 3)), of("upheld", flag));
            case CHURN -> List.of(id("customer_id"), of("churned_at", at), ref("last_touchpoint_id", TOUCHPOINTS));
            case INTERNAL_SURVEYS -> List.of(id("response_id"), ref("provider_department_id", DEPARTMENTS),
                    ref("respondent_department_id", DEPARTMENTS), of("responded_at", at),
                    of("score", new FieldType.Score(1, 5)));
            case PERFORMANCE -> List.of(ref("employee_id", EMPLOYEES), of("sales_attainment_pct", amount),
                    of("productivity_pct", amount));
        };
    }

    List<String> header() {
        return columns().stream().map(Column::name).toList();
    }

    /** Columns a file's header may leave out: every row then leaves them empty (employees' history dates). */
    Set<String> columnsHeaderMayLack() {
        return this == EMPLOYEES ? Set.of("valid_from", "valid_to") : Set.of();
    }

    /** Columns whose values together must be unique in the file; empty when repeats are allowed (churn). */
    List<String> uniqueKey() {
        return switch (this) {
            case CHURN -> List.of();
            case TARGETS -> List.of("metric", "scope");
            default -> List.of(header().get(0));
        };
    }

    /** The timestamp that places a row in a period, or null for files that are not events. */
    String periodColumn() {
        return switch (this) {
            case SURVEYS -> "responded_at";
            case CONTACTS -> "opened_at";
            case COMPLAINTS -> "raised_at";
            case CHURN -> "churned_at";
            case INTERNAL_SURVEYS -> "responded_at";
            default -> null;
        };
    }
}
