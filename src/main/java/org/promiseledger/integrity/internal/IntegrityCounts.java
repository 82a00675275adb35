package org.promiseledger.integrity.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.promiseledger.ingest.StagedWorkforce;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.kernel.CodePoints;
import org.promiseledger.metrics.CustomerPassReads;
import org.promiseledger.metrics.EventTallies;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunRecord;
import org.promiseledger.runs.RunRegistry;
import org.springframework.stereotype.Component;

/**
 * What the signals are counted from, per touchpoint, from the run's accepted (staged) rows only: survey totals from
 * ingest's tallies, answers per (touchpoint, customer) counted in Java from streamed reads.
 */
@Component
class IntegrityCounts {

    private final StagedWorkforce staged;
    private final CustomerPassReads customers;
    private final RunRegistry runs;
    private final EventTallies tallies;
    private final RespondentCountStore kept;
    /** Customers whose answer counts one pass keeps in memory ({@code promise-ledger.customers-per-pass}). */
    private final int customersPerPass;

    IntegrityCounts(StagedWorkforce staged, CustomerPassReads customers, RunRegistry runs, EventTallies tallies,
            RespondentCountStore kept, BatchSettings settings) {
        this.customersPerPass = settings.customersPerPass();
        this.staged = staged;
        this.kept = kept;
        this.tallies = tallies;
        this.customers = customers;
        this.runs = runs;
    }

    /** The run's touchpoints and their owner departments, in touchpoint id order (code points). */
    Map<String, String> owners(long runId) {
        Map<String, String> owners = new TreeMap<>(CodePoints.ORDER);
        owners.putAll(staged.touchpointOwners(runId));
        return owners;
    }

    /**
     * Per touchpoint: {NPS answers, NPS answers equal to 10, answers, answers in the last 14 days of the quarter}, from
     * the tally ingest made of the accepted answers (days in the company zone).
     */
    Map<String, long[]> surveys(long runId, Period period) {
        LocalDate lastDays = period.next().firstDay().minusDays(SignalRules.LAST_DAYS);
        Map<String, long[]> counts = new HashMap<>();
        tallies.of(runId, period, EventTallies.Events.SURVEYS).forEach((touchpoint, tally) -> counts.put(touchpoint,
                new long[] {tally.answered("nps"), tally.where("nps", nps -> nps == 10), tally.rows(),
                        tally.onOrAfter("responded_at", lastDays)}));
        return counts;
    }

    /** Per touchpoint of a run of {@code period}: {NPS answers, NPS answers equal to 10}. */
    Map<String, long[]> topBox(long runId, Period period) {
        Map<String, long[]> counts = new HashMap<>();
        tallies.of(runId, period, EventTallies.Events.SURVEYS).forEach((touchpoint, tally) -> counts.put(touchpoint,
                new long[] {tally.answered("nps"), tally.where("nps", nps -> nps == 10)}));
        return counts;
    }

    /**
     * Per touchpoint, the respondent counts: those kept when aggregation counted them from its own read of the rows
     * (see {@link RespondentCountsDuringAggregation}), or else counted here from the same read, one sequential read of
     * in_survey and in_contact, in passes of at most {@code promise-ledger.customers-per-pass} customers
     * ({@link CustomerPassReads}): memory grows with a pass's customers, not with rows, and nothing is sorted or
     * grouped in the database (MariaDB's GROUP BY of 1.4 M (touchpoint, customer) groups spilled to disk).
     */
    RespondentCounts respondentCounts(long runId) {
        return kept.of(runId).orElseGet(() -> respondentCounts(runId, customersPerPass));
    }

    /** Counted here, with at most {@code customersPerPass} customers per pass (tests split a small run into several). */
    RespondentCounts respondentCounts(long runId, int customersPerPass) {
        RespondentTally tally = new RespondentTally(() -> { });
        customers.feed(runId, tally, customersPerPass);
        return tally.counts();
    }

    /**
     * @param contacts per touchpoint: {contacts, resolved first time, contacts by customers who answered a survey
     *                 there in the quarter, resolved among those}
     * @param repeats  per touchpoint: {answers, answers of customers with {@link SignalRules#REPEAT_ANSWERS} or more
     *                 there, how many such customers}
     */
    record RespondentCounts(Map<String, long[]> contacts, Map<String, long[]> repeats) {
    }

    /**
     * The run TOP_BOX_SURGE compares with: the latest calculated run (calculated, approved or exported, not superseded)
     * of the nearest earlier quarter that has one.
     */
    Optional<QuarterlyRunRecord> previousCalculated(Period period) {
        for (Period p : runs.periods()) {
            if (p.compareTo(period) >= 0) {
                continue;
            }
            Optional<QuarterlyRunRecord> run = runs.latestCalculated(p);
            if (run.isPresent()) {
                return run;
            }
        }
        return Optional.empty();
    }

    static int daysIn(Period period) {
        return (int) java.time.temporal.ChronoUnit.DAYS.between(period.firstDay(), period.next().firstDay());
    }
}
