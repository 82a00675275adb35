package org.promiseledger.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.promiseledger.period.Period;
import org.promiseledger.support.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pool budget works on each employee's one payout, the rounded sum of their segments: data set "history" pays
 * 57634.25 before the pool (see its HAND-WORKED.md), so a budget of 50000.00 prorates by 50000 / 57634.25, and a
 * mover's proration line follows their segment lines.
 */
@OnH2
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3",
        "promise-ledger.pool-budget=50000.00"})
class MidQuarterPoolOnH2Tests {

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void prorationAppliesToTheSummedSegmentAmounts() {
        RunOutcome outcome = runner.run(Period.parse("2026-Q3"), Path.of("src/test/resources/jobs/history/input"), Path.of("rules"),
                "hr.alice");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();

        Map<String, Object> line = jdbc.queryForMap("SELECT seq, weight, contribution FROM payout_line WHERE run_id = ?"
                + " AND employee_id = 'E12' AND component = 'POOL_PRORATION'", outcome.runId());
        BigDecimal factor = new BigDecimal("50000.00").divide(new BigDecimal("57634.25"), MathContext.DECIMAL128);
        assertThat((BigDecimal) line.get("weight")).isEqualByComparingTo(factor.setScale(12, RoundingMode.HALF_EVEN));
        assertThat(((Number) line.get("seq")).intValue()).as("after 2 segments of 4 lines each").isEqualTo(9);
        BigDecimal amount = jdbc.queryForObject("SELECT amount FROM payout WHERE run_id = ? AND employee_id = 'E12'",
                BigDecimal.class, outcome.runId());
        assertThat(amount).isEqualByComparingTo(new BigDecimal("2007.42").add((BigDecimal) line.get("contribution")));
        // within a cent of its exact share of the budget; how the cents are shared out is the proration's own concern
        assertThat(amount.subtract(new BigDecimal("2007.42").multiply(factor)).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
    }
}
