package org.promiseledger.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.promiseledger.kernel.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts of a run's accepted survey answers (in_survey) per touchpoint, grouped by the database (plain GROUP BY, the
 * same SQL on H2 and MySQL/MariaDB), and streamed reads of the answers and contacts (in_contact) one share of the
 * customers at a time, for the features that judge them (integrity's signals).
 */
@Repository
public class StagedSurveys {

    /**
     * The offset a staged timestamp was written with: it is stored as {@code OffsetDateTime.toString()}, which ends in
     * {@code Z} or {@code ±HH:MM} (or {@code ±HH:MM:SS} for the historical offsets with seconds).
     */
    private static final String OFFSET_OF_RESPONDED_AT = """
            CASE WHEN RIGHT(responded_at, 1) = 'Z' THEN 'Z'
                 WHEN SUBSTRING(responded_at, CHAR_LENGTH(responded_at) - 5, 1) IN ('+', '-') THEN RIGHT(responded_at, 6)
                 ELSE RIGHT(responded_at, 9) END""";
    private static final DateTimeFormatter TO_THE_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    private final JdbcTemplate jdbc;
    /** Connector/J streams a result row by row only with fetch size MIN_VALUE; H2 pages large results itself. */
    private final boolean mySql;

    StagedSurveys(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.mySql = Databases.isMySql(dataSource);
    }

    /** One accepted survey answer: who answered at which touchpoint. */
    @FunctionalInterface
    public interface AnswerConsumer {
        void accept(String customerId, String touchpointId);
    }

    /** One accepted contact: whose, at which touchpoint, and whether it was resolved first time (null counts as no). */
    @FunctionalInterface
    public interface ContactConsumer {
        void accept(String customerId, String touchpointId, boolean firstContactResolved);
    }

    /**
     * How many passes keep at most {@code customersPerPass} customers each, from the run's customers.csv count (at
     * least 1). A pass is the customers whose {@code Math.floorMod(customerId.hashCode(), passes)} is its number.
     */
    public int customerPasses(long runId, int customersPerPass) {
        Long customers = jdbc.queryForObject("SELECT COUNT(*) FROM in_customer WHERE run_id = ?", Long.class, runId);
        return (int) Math.max(1, (customers + customersPerPass - 1) / customersPerPass);
    }

    /**
     * Streams the run's survey answers of the customers in {@code pass} of {@code passes} (see {@link #customerPasses}),
     * in one sequential read of in_survey (file order, no sort): memory does not grow with the rows.
     */
    public void forEachSurveyAnswer(long runId, int pass, int passes, AnswerConsumer consumer) {
        stream("SELECT customer_id, touchpoint_id FROM in_survey WHERE run_id = ?", runId, rs -> {
            String customer = rs.getString(1);
            if (inPass(customer, pass, passes)) {
                consumer.accept(customer, rs.getString(2));
            }
        });
    }

    /** Streams the run's contacts of the customers in {@code pass} of {@code passes}, as {@link #forEachSurveyAnswer}. */
    public void forEachContact(long runId, int pass, int passes, ContactConsumer consumer) {
        stream("SELECT customer_id, touchpoint_id, first_contact_resolved FROM in_contact WHERE run_id = ?", runId, rs -> {
            String customer = rs.getString(1);
            if (inPass(customer, pass, passes)) {
                consumer.accept(customer, rs.getString(2), rs.getBoolean(3));
            }
        });
    }

    private static boolean inPass(String customer, int pass, int passes) {
        return passes == 1 || Math.floorMod(customer.hashCode(), passes) == pass;
    }

    private void stream(String select, long runId, org.springframework.jdbc.core.RowCallbackHandler handler) {
        jdbc.query(connection -> {
            java.sql.PreparedStatement statement = connection.prepareStatement(select,
                    java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(mySql ? Integer.MIN_VALUE : 10_000);
            statement.setLong(1, runId);
            return statement;
        }, handler);
    }

    /**
     * Per touchpoint: {NPS answers, NPS answers equal to 10, answers, answers at or after {@code lateFrom}}.
     * {@code lateFrom} must be a whole minute in every offset the answers were written with.
     */
    public Map<String, long[]> answerCounts(long runId, Instant lateFrom) {
        List<String> offsets = jdbc.queryForList("SELECT DISTINCT " + OFFSET_OF_RESPONDED_AT + " FROM in_survey WHERE run_id = ?",
                String.class, runId);
        // A row is late when its instant is at or after the cutoff. Each row keeps the offset it was written with, so
        // the cutoff is written in each offset present and compared with the row's local time to the minute (the
        // cutoff is a whole minute in every offset, and ISO text to the minute sorts as time does).
        StringBuilder late = new StringBuilder("CASE ").append(OFFSET_OF_RESPONDED_AT);
        List<Object> args = new ArrayList<>();
        for (String offset : offsets) {
            late.append(" WHEN ? THEN CASE WHEN SUBSTRING(responded_at, 1, 16) >= ? THEN 1 ELSE 0 END");
            args.add(offset);
            args.add(LocalDateTime.ofInstant(lateFrom, ZoneOffset.of(offset)).format(TO_THE_MINUTE));
        }
        late.append(" ELSE 0 END");
        String lateExpression = offsets.isEmpty() ? "0" : late.toString();
        args.add(runId);
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, COUNT(nps), SUM(CASE WHEN nps = 10 THEN 1 ELSE 0 END), COUNT(*), SUM(" + lateExpression
                + ") FROM in_survey WHERE run_id = ? GROUP BY touchpoint_id", rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }, args.toArray());
        return counts;
    }

    /** Per touchpoint: {NPS answers, NPS answers equal to 10}. */
    public Map<String, long[]> topBoxCounts(long runId) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("SELECT touchpoint_id, COUNT(nps), SUM(CASE WHEN nps = 10 THEN 1 ELSE 0 END) FROM in_survey"
                + " WHERE run_id = ? GROUP BY touchpoint_id", rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, runId);
        return counts;
    }
}
