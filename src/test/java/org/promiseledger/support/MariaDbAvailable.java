package org.promiseledger.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs MariaDB-backed tests when the local server answers on 127.0.0.1:3306. Without it they are skipped with a
 * loud message, except under CI=true, where they run (and fail) rather than skip silently.
 */
public class MariaDbAvailable implements ExecutionCondition {

    /**
     * The database the tests use: {@code test} unless {@code PL_TEST_DB} names another, so that two checkouts can
     * run their suites side by side on one server without dropping each other's tables.
     */
    public static final String DATABASE = System.getenv().getOrDefault("PL_TEST_DB", "test");

    /** The connection options every MariaDB test uses, after the database name. */
    public static final String OPTIONS = "?connectionTimeZone=UTC"
            + "&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true&allowLoadLocalInfile=true";

    /** For Spring tests: the database name is a placeholder that Spring resolves from the environment. */
    public static final String SPRING_URL = "jdbc:mysql://127.0.0.1:3306/${PL_TEST_DB:test}" + OPTIONS;

    public static final String URL = "jdbc:mysql://127.0.0.1:3306/" + DATABASE + OPTIONS;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable()) {
            return ConditionEvaluationResult.enabled("MariaDB answers on 127.0.0.1:3306");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: MariaDB tests must run, and will fail without the server");
        }
        System.err.println("\n*** SKIPPING MariaDB tests of " + context.getDisplayName()
                + ": nothing answers on 127.0.0.1:3306 (start MariaDB, or set CI=true to make this a failure) ***\n");
        return ConditionEvaluationResult.disabled("MariaDB not reachable on 127.0.0.1:3306");
    }

    public static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 3306), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
