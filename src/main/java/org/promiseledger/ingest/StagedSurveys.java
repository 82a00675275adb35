package org.promiseledger.ingest;

import javax.sql.DataSource;

import org.promiseledger.kernel.Databases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Streamed reads of a run's accepted survey answers (in_survey) and contacts (in_contact), one share of the customers
 * at a time, for the features that judge them (integrity's signals). Per-touchpoint counts come from
 * {@link StagedTallies}.
 */
@Repository
public class StagedSurveys {

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
}
