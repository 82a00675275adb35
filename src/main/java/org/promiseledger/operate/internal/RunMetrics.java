package org.promiseledger.operate.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.ingest.FileCounts;
import org.promiseledger.ingest.InputCounts;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The figures operations watch (Prometheus, through Actuator) for the runs this server launches: how long each step
 * took, rows read and rejected per file, payouts booked, runs by outcome. A run launched by {@code run} in another
 * process is not counted here: that process serves no metrics.
 */
@Component
public class RunMetrics {

    private final MeterRegistry registry;
    private final RunProgress progress;
    private final JdbcTemplate jdbc;
    private final LedgerReads ledger;

    RunMetrics(MeterRegistry registry, RunProgress progress, JdbcTemplate jdbc, LedgerReads ledger) {
        this.registry = registry;
        this.progress = progress;
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /** Records one finished run: its outcome, the run's wall time in nanoseconds, and its steps' figures. */
    public void record(RunOutcome outcome, long nanos) {
        String result = switch (outcome.exitCode()) {
            case 0 -> "calculated";
            case 2 -> "refused";
            default -> "failed";
        };
        Timer.builder("promise_ledger.run.duration").description("Wall time of a run launched by this server")
                .tag("outcome", result).register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (outcome.runId() == null) {
            return;
        }
        long runId = outcome.runId();
        progress.of(runId).ifPresent(view -> view.steps().stream().filter(s -> s.endedAt() != null).forEach(step ->
                Timer.builder("promise_ledger.run.step.duration").description("Wall time of a step of the quarterly job")
                        .tag("step", step.name()).register(registry)
                        .record(Duration.ofMillis(Math.round(step.seconds() * 1000)))));
        if (outcome.exitCode() == 1) {
            return; // rows will be counted when the restarted run ends
        }
        for (FileCounts counts : InputCounts.of(jdbc, runId)) {
            Counter.builder("promise_ledger.rows.read").description("Input rows read").tag("file", counts.fileName())
                    .register(registry).increment(counts.read());
            Counter.builder("promise_ledger.rows.rejected").description("Input rows rejected").tag("file", counts.fileName())
                    .register(registry).increment(counts.rejected());
        }
        if (outcome.exitCode() == 0) {
            Long payouts = ledger.totalOf(runId).payouts();
            Counter.builder("promise_ledger.payouts.booked").description("Payout rows booked in the ledger")
                    .register(registry).increment(payouts == null ? 0 : payouts);
        }
    }
}
