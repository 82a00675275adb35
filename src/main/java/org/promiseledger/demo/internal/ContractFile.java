package org.promiseledger.demo.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The eleven files of the data contract, with their exact headers, in the order the generator writes them. */
public enum ContractFile {
    DEPARTMENTS("departments.csv", "department_id", "name", "parent_id"),
    EMPLOYEES("employees.csv", "employee_id", "name", "department_id", "role", "base_salary", "target_bonus_pct",
            "manager_id"),
    TOUCHPOINTS("touchpoints.csv", "touchpoint_id", "name", "channel", "owner_department_id", "moment_of_truth"),
    TARGETS("targets.csv", "metric", "scope", "threshold", "target", "stretch"),
    CUSTOMERS("customers.csv", "customer_id", "active_at_start", "active_at_end", "acquired_in_period"),
    SURVEYS("surveys.csv", "response_id", "customer_id", "touchpoint_id", "responded_at", "nps", "csat", "effort"),
    CONTACTS("contacts.csv", "contact_id", "customer_id", "touchpoint_id", "opened_at", "first_contact_resolved"),
    COMPLAINTS("complaints.csv", "complaint_id", "customer_id", "touchpoint_id", "raised_at", "severity", "upheld"),
    CHURN("churn.csv", "customer_id", "churned_at", "last_touchpoint_id"),
    INTERNAL_SURVEYS("internal_surveys.csv", "response_id", "provider_department_id", "respondent_department_id",
            "responded_at", "score"),
    PERFORMANCE("performance.csv", "employee_id", "sales_attainment_pct", "productivity_pct");

    private final String fileName;
    private final List<String> header;

    ContractFile(String fileName, String... header) {
        this.fileName = fileName;
        this.header = List.of(header);
    }

    public String fileName() {
        return fileName;
    }

    List<String> header() {
        return header;
    }

    /**
     * Writes the header and the rows as UTF-8 RFC 4180 CSV with "\n" line ends (quoting only where a value
     * needs it), replacing any earlier file; returns the number of data rows.
     */
    public int write(Path dir, List<List<String>> rows) throws IOException {
        return write(dir, header, rows);
    }

    /** employees.csv may carry the optional columns of mid-quarter changes after the contract's own. */
    public int writeWithOptionalColumns(Path dir, List<String> optional, List<List<String>> rows) throws IOException {
        List<String> extended = new java.util.ArrayList<>(header);
        extended.addAll(optional);
        return write(dir, extended, rows);
    }

    private int write(Path dir, List<String> header, List<List<String>> rows) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\n")
                .get();
        try (Writer out = Files.newBufferedWriter(dir.resolve(fileName), StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
        return rows.size();
    }
}
