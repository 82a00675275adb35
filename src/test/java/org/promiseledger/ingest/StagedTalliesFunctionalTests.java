package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.kernel.LoadData;
import org.promiseledger.metrics.EventTallies.Events;
import org.promiseledger.metrics.ValueTally;
import org.promiseledger.period.Period;
import org.promiseledger.runs.InputCheck;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The per-touchpoint tallies ingest counts while it validates the events files are exactly the staged rows: checked
 * against the database grouping the staged rows itself, against days computed here from the staged timestamps, and
 * against the tally rebuilt from the staged rows (a run staged before tallies, or a changed company zone); a dry check
 * discards its tallies with its staged rows. On H2 and on MariaDB.
 */
@SpringBatchTest
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false", "promise-ledger.min-sample=3"})
abstract class StagedTalliesFunctionalTests {

    static final Period Q3 = Period.parse("2026-Q3");

    @Autowired
    QuarterlyRunner runner;

    @Autowired
    StagedTallies tallies;

    @Autowired
    InputCheck check;

    @Autowired
    LoadData loadData;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;

    @AfterEach
    void cleanJobExecutions() {
        jobRepositoryTestUtils.removeJobExecutions();
    }

    private long runSmallCompany() {
        RunOutcome outcome = runner.run(Q3, Path.of("src/test/resources/jobs/small/input"), Path.of("rules"), "hr.alice");
        assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        return outcome.runId();
    }

    @Test
    void surveyTallyCountsWhatTheDatabaseGroupsFromTheStagedAnswers() {
        long runId = runSmallCompany();
        Map<String, ValueTally> surveys = tallies.of(runId, Q3, Events.SURVEYS);
        Map<String, long[]> grouped = new HashMap<>();
        jdbc.query("""
                SELECT touchpoint_id, COUNT(*), COUNT(nps), SUM(CASE WHEN nps >= 9 THEN 1 ELSE 0 END),
                       SUM(CASE WHEN nps <= 6 THEN 1 ELSE 0 END), COUNT(csat), SUM(CASE WHEN csat >= 4 THEN 1 ELSE 0 END),
                       COUNT(effort), COALESCE(SUM(effort), 0), SUM(CASE WHEN nps = 10 THEN 1 ELSE 0 END)
                FROM in_survey WHERE run_id = ? GROUP BY touchpoint_id""", rs -> {
                    long[] row = new long[9];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getLong(i + 2);
                    }
                    grouped.put(rs.getString(1), row);
                }, runId);
        assertThat(surveys.keySet()).isEqualTo(grouped.keySet()).isNotEmpty();
        surveys.forEach((touchpoint, t) -> assertThat(new long[] {t.rows(), t.answered("nps"), t.where("nps", n -> n >= 9),
                t.where("nps", n -> n <= 6), t.answered("csat"), t.where("csat", c -> c >= 4), t.answered("effort"),
                t.sum("effort"), t.where("nps", n -> n == 10)}).as(touchpoint).containsExactly(grouped.get(touchpoint)));
    }

    @Test
    void contactAndComplaintTalliesCountResolvedAndUpheldRows() {
        long runId = runSmallCompany();
        Map<String, long[]> contacts = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, COUNT(*), SUM(CASE WHEN first_contact_resolved THEN 1 ELSE 0 END) FROM in_contact"
                + " WHERE run_id = ? GROUP BY touchpoint_id", rs -> {
                    contacts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, runId);
        Map<String, ValueTally> contactTally = tallies.of(runId, Q3, Events.CONTACTS);
        assertThat(contactTally.keySet()).isEqualTo(contacts.keySet()).isNotEmpty();
        contactTally.forEach((touchpoint, t) -> assertThat(new long[] {t.rows(), t.flagged("first_contact_resolved")})
                .as(touchpoint).containsExactly(contacts.get(touchpoint)));
        Map<String, Long> upheld = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, SUM(CASE WHEN upheld THEN 1 ELSE 0 END) FROM in_complaint WHERE run_id = ?"
                + " GROUP BY touchpoint_id", rs -> {
                    upheld.put(rs.getString(1), rs.getLong(2));
                }, runId);
        Map<String, ValueTally> complaintTally = tallies.of(runId, Q3, Events.COMPLAINTS);
        assertThat(complaintTally.keySet()).isEqualTo(upheld.keySet()).isNotEmpty();
        complaintTally.forEach((touchpoint, t) -> assertThat(t.flagged("upheld")).as(touchpoint).isEqualTo(upheld.get(touchpoint)));
    }

    @Test
    void answerDaysAreTheStagedInstantsTakenInTheCompanyZone() {
        long runId = runSmallCompany();
        assertThat(days(tallies.of(runId, Q3, Events.SURVEYS))).isEqualTo(stagedDays(runId, ZoneId.of("UTC")));
    }

    @Test
    void aTallyDeletedOrCountedInAnotherZoneIsRebuiltFromTheStagedRowsIdentically() {
        long runId = runSmallCompany();
        Map<Events, String> stored = new HashMap<>();
        for (Events events : Events.values()) {
            stored.put(events, canonical(tallies.of(runId, Q3, events)));
        }
        jdbc.update("DELETE FROM input_tally WHERE run_id = ?", runId);
        for (Events events : Events.values()) {
            assertThat(canonical(tallies.of(runId, Q3, events))).as(events.name()).isEqualTo(stored.get(events));
        }

        // the company zone moved fourteen hours east since the files were ingested: days are counted again there
        ZoneId east = ZoneId.of("Pacific/Kiritimati");
        StagedTallies inAnotherZone = new StagedTallies(jdbc, dataSource,
                new BatchSettings(east.getId(), null, null, null, null, null, null, null, null), loadData);
        Map<String, ValueTally> moved = inAnotherZone.of(runId, Q3, Events.SURVEYS);
        assertThat(days(moved)).isEqualTo(stagedDays(runId, east)).isNotEqualTo(stagedDays(runId, ZoneId.of("UTC")));
    }

    @Test
    void aDryCheckLeavesNoTallyBehind() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM input_tally WHERE run_id < 0", Long.class);
        InputCheck.Report report = check.check(Q3, Path.of("src/test/resources/jobs/small/input"), Path.of("rules"));
        assertThat(report.refused()).as(String.join("\n", report.problems())).isFalse();
        assertThat(report.rowsRead()).isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM input_tally WHERE run_id < 0", Long.class)).isEqualTo(before);
    }

    /** Every touchpoint's responded_at days, as "touchpoint day" → rows. */
    private static Map<String, Long> days(Map<String, ValueTally> tally) {
        Map<String, Long> days = new TreeMap<>();
        tally.forEach((touchpoint, t) -> t.values(ValueTally.dayColumn("responded_at"))
                .forEach((day, n) -> days.put(touchpoint + " " + day, n)));
        return days;
    }

    private Map<String, Long> stagedDays(long runId, ZoneId zone) {
        Map<String, Long> days = new TreeMap<>();
        jdbc.query("SELECT touchpoint_id, responded_at FROM in_survey WHERE run_id = ?", rs -> {
            String day = OffsetDateTime.parse(rs.getString(2)).atZoneSameInstant(zone).toLocalDate().toString();
            days.merge(rs.getString(1) + " " + day, 1L, Long::sum);
        }, runId);
        return days;
    }

    private static String canonical(Map<String, ValueTally> tally) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(tally).forEach((touchpoint, t) -> {
            text.append(touchpoint).append(" rows=").append(t.rows());
            new java.util.TreeSet<>(t.columns()).forEach(c -> text.append(' ').append(c).append('=').append(new TreeMap<>(t.values(c))));
            text.append('\n');
        });
        return text.toString();
    }
}
