package org.promiseledger.web.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.promiseledger.ledger.LedgerReads;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.runs.RunState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every run of every period with its state history and payout totals: what HR reviews before approving. */
@Component
class RunsOverviewReader {

    record StateChange(String state, String changedBy, Instant changedAt, String note) {
    }

    /** A run; approvable when it is its period's latest run and CALCULATED (RunApproval decides the rest). */
    record RunRow(QuarterlyRunRecord run, List<StateChange> history, long payouts, BigDecimal total, boolean latest) {

        public boolean approvable() {
            return latest && run.state() == RunState.CALCULATED;
        }

        public boolean payable() {
            return run.state() == RunState.APPROVED || run.state() == RunState.EXPORTED;
        }
    }

    private final JdbcTemplate jdbc;
    private final LedgerReads ledger;
    private final RunRegistry registry;

    RunsOverviewReader(JdbcTemplate jdbc, RunRegistry registry, LedgerReads ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.registry = registry;
    }

    /** Newest period first, each period's runs newest first. */
    List<RunRow> all() {
        Map<Long, List<StateChange>> history = new HashMap<>();
        registry.histories().forEach((runId, changes) -> history.put(runId, changes.stream()
                .map(c -> new StateChange(c.state(), c.changedBy(), c.changedAt(), c.note())).toList()));
        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, BigDecimal> totals = new HashMap<>();
        ledger.totalsByRun().forEach((runId, t) -> {
            counts.put(runId, new long[] {t.payouts()});
            totals.put(runId, t.total());
        });
        List<Period> periods = registry.periods();
        List<RunRow> rows = new ArrayList<>();
        for (Period period : periods) {
            Long latest = registry.latest(period).map(QuarterlyRunRecord::runId).orElse(null);
            for (QuarterlyRunRecord run : registry.runsOf(period)) {
                rows.add(new RunRow(run, history.getOrDefault(run.runId(), List.of()),
                        counts.getOrDefault(run.runId(), new long[] {0})[0], totals.get(run.runId()),
                        Long.valueOf(run.runId()).equals(latest)));
            }
        }
        return rows;
    }
}
