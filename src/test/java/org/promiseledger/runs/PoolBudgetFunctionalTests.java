package org.promiseledger.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.export.CsvExports;
import org.promiseledger.ledger.LedgerVerifier;
import org.promiseledger.period.Period;
import org.promiseledger.rules.RuleSetCompiler;
import org.promiseledger.support.CsvFiles;
import org.promiseledger.workbench.Simulation;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A binding pool budget end to end (batch-config's pool-budget): the small company's 288,382.69 shared out as
 * 250,000.00 exactly, by largest remainder (jobs/small/HAND-WORKED.md), booked with a proration line, the ledger
 * chain intact, and `simulate` giving the same cents. On H2 and MariaDB.
 */
@SpringBatchTest
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3",
        "promise-ledger.pool-budget=250000.00"})
abstract class PoolBudgetFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");
    static final Path SMALL = Path.of("src/test/resources/jobs/small");
    static final Path RULES = Path.of("rules");

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    RunRegistry registry;

    @Autowired
    CsvExports exports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LedgerVerifier verifier;

    @Autowired
    Simulation simulation;

    @Autowired
    RuleSetCompiler compiler;

    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;

    @TempDir
    Path out;

    @AfterEach
    void cleanJobExecutions() {
        jobRepositoryTestUtils.removeJobExecutions();
    }

    @Test
    void aBindingPoolPaysTheHandWorkedLargestRemainderAmountsAddingUpToTheBudget() throws Exception {
        RunOutcome outcome = runner.run(Q3, SMALL.resolve("input"), RULES, "hr.alice");

        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        exports.payouts(Q3, out.resolve("payouts.csv"));
        assertThat(CsvFiles.rows(out.resolve("payouts.csv"), QuarterlyJobFunctionalTests.PAYOUT_COLUMNS))
                .containsExactlyElementsOf(CsvFiles.rows(SMALL.resolve("expected-payouts-pool-250000.00.csv")));
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM payout WHERE run_id = ?", BigDecimal.class, outcome.runId()))
                .isEqualByComparingTo("250000.00");
        assertThat(registry.find(outcome.runId()).orElseThrow().poolBudget()).hasValueSatisfying(
                budget -> assertThat(budget).isEqualByComparingTo("250000.00"));
    }

    @Test
    void eachPayoutCarriesAProrationLineWithTheFactorAndTheLedgerChainVerifies() {
        long runId = runner.run(Q3, SMALL.resolve("input"), RULES, "hr.alice").runId();

        List<String> lines = jdbc.query("SELECT employee_id, weight, attainment, contribution FROM payout_line"
                + " WHERE run_id = ? AND component = 'POOL_PRORATION' AND employee_id IN ('E1', 'E9') ORDER BY employee_id",
                (rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString() + " " + rs.getBigDecimal(3) + " "
                        + rs.getBigDecimal(4).setScale(2).toPlainString(), runId);
        assertThat(lines).containsExactly("E1 0.866903627260 null -14693.01", "E9 0.866903627260 null -413.73");
        assertThat(verifier.verify()).allSatisfy(check -> assertThat(check.firstBreak()).as(check.table().name()).isNull());
    }

    @Test
    void simulateSharesThePoolWithTheSameCentsAsTheRun() {
        runner.run(Q3, SMALL.resolve("input"), RULES, "hr.alice");

        Simulation.Result result = simulation.simulate(Q3, compiler.compile(RULES));

        assertThat(result.diffs()).allSatisfy(d -> assertThat(d.delta().signum()).as(d.employeeId()).isZero());
        assertThat(result.diffs().stream().map(Simulation.Diff::newAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("250000.00");
    }
}
