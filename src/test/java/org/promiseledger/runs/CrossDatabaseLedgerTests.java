package org.promiseledger.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.promiseledger.PromiseLedgerApplication;
import org.promiseledger.period.Period;
import org.promiseledger.support.MariaDbAvailable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same inputs and rules book the same ledger — every business column and every hash — on H2 and on MariaDB:
 * nothing in a row or its hash depends on the database.
 */
@ExtendWith(MariaDbAvailable.class)
class CrossDatabaseLedgerTests {

    private static final String CROSS_DB = MariaDbAvailable.DATABASE + "_cross";

    @Test
    void h2AndMariaDbBookIdenticalLedgers() throws Exception {
        assertIdenticalLedgers(Path.of("src/test/resources/jobs/small/input"));
    }

    /** Employees with mid-quarter changes: segment lines, pro-rata target bonuses and summed amounts alike. */
    @Test
    void h2AndMariaDbBookIdenticalLedgersForEmployeesWithSegments() throws Exception {
        assertIdenticalLedgers(Path.of("src/test/resources/jobs/history/input"));
    }

    private static void assertIdenticalLedgers(Path input) throws Exception {
        try (Connection c = DriverManager.getConnection(MariaDbAvailable.URL, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + CROSS_DB);
            s.execute("CREATE DATABASE " + CROSS_DB);
        }
        List<String> onH2 = ledgerOfARunOn("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1", "sa",
                input);
        List<String> onMariaDb = ledgerOfARunOn(MariaDbAvailable.URL.replace("/" + MariaDbAvailable.DATABASE + "?", "/" + CROSS_DB + "?"),
                "root", input);

        assertThat(onMariaDb).hasSizeGreaterThan(100).containsExactlyElementsOf(onH2);
    }

    private static List<String> ledgerOfARunOn(String url, String user, Path input) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PromiseLedgerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user, "--spring.datasource.password=",
                        "--promise-ledger.cli.enabled=false", "--promise-ledger.min-sample=3")) {
            RunOutcome outcome = context.getBean(QuarterlyRunner.class).run(Period.parse("2026-Q3"),
                    input, Path.of("rules"), "hr.alice");
            assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            List<String> rows = new ArrayList<>();
            rows.addAll(jdbc.query("SELECT period, employee_id, role, department_id, base_salary, target_bonus, score, amount, currency,"
                    + " rule_set_version, input_fingerprint, prev_hash, row_hash FROM payout ORDER BY id", (rs, i) -> row(rs, 13)));
            rows.addAll(jdbc.query("SELECT period, employee_id, seq, component, weight, attainment, contribution, segment_from,"
                    + " segment_to, segment_days, quarter_days, segment_department_id, segment_role, segment_target_bonus, prev_hash,"
                    + " row_hash FROM payout_line ORDER BY id", (rs, i) -> row(rs, 16)));
            rows.addAll(jdbc.query("SELECT period, subject, seq, rule_name, decision, prev_hash, row_hash FROM rule_trail ORDER BY id",
                    (rs, i) -> row(rs, 7)));
            rows.addAll(jdbc.query("SELECT period, employee_id, segment_from, seq, kind, applies, outcome, measure, decided_value,"
                    + " rule_name, prev_hash, row_hash FROM payout_decision ORDER BY id", (rs, i) -> row(rs, 12)));
            rows.addAll(jdbc.query("SELECT scope, department_id, metric, value, sample_size, status FROM department_metrics"
                    + " ORDER BY scope, department_id, metric", (rs, i) -> row(rs, 6)));
            return rows;
        }
    }

    private static String row(java.sql.ResultSet rs, int columns) throws java.sql.SQLException {
        StringBuilder row = new StringBuilder();
        for (int c = 1; c <= columns; c++) {
            Object value = rs.getObject(c);
            row.append(value instanceof java.math.BigDecimal d ? d.toPlainString() : value).append('|');
        }
        return row.toString();
    }
}
