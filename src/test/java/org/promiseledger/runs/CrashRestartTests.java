package org.promiseledger.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promiseledger.support.MariaDbAvailable;

/**
 * A real crash: the quarterly job runs in a child JVM that is killed with SIGKILL in the middle of scoring or of
 * writing the ledger; running the same command again restarts it, and the ledger ends up row for row, hash for hash,
 * equal to that of a run that was never interrupted. A second launch while the first is alive is refused.
 */
class CrashRestartTests {

    static final Path SMALL_INPUT = Path.of("src/test/resources/jobs/small/input").toAbsolutePath();

    /** Marks an H2 target, given as its data folder rather than a URL. */
    static final String H2_DATA_DIR = "h2-data-dir:";

    @TempDir
    static Path temp;

    /** One uninterrupted reference run per database, shared by the crash cases. */
    static final java.util.Map<String, String> REFERENCES = new java.util.HashMap<>();

    static Stream<Arguments> crashPoints() {
        List<Arguments> cases = new ArrayList<>();
        for (String point : List.of("scoring", "writing")) {
            cases.add(Arguments.of("h2", point));
            if (MariaDbAvailable.reachable() || "true".equalsIgnoreCase(System.getenv("CI"))) {
                cases.add(Arguments.of("mariadb", point));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: killed during {1}")
    @MethodSource("crashPoints")
    void aRunKilledMidStepRestartsAndBooksTheSameLedgerAsAnUninterruptedRun(String database, String point) throws Exception {
        String reference = reference(database);
        String crashed = databaseUrl(database, "crash_" + point);

        Child victim = startChild(crashed, point);
        victim.awaitLine("PAUSED AT " + point);
        if (point.equals("writing")) {
            Child.Result second = runChild(crashed, null, "hr.bob");
            assertThat(second.exitCode()).as(second.output()).isEqualTo(2);
            assertThat(second.output()).contains("in progress");
        }
        victim.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Child.Result restart = runChild(crashed, null);

        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("restarted where it stopped");
        for (String table : List.of("payout", "payout_line", "rule_trail", "payout_decision")) {
            assertThat(ledger(crashed, table)).as(table).isNotEmpty().containsExactlyElementsOf(ledger(reference, table));
        }
    }

    private String reference(String database) throws Exception {
        if (!REFERENCES.containsKey(database)) {
            String url = databaseUrl(database, "reference");
            Child.Result run = runChild(url, null);
            assertThat(run.exitCode()).as(run.output()).isZero();
            REFERENCES.put(database, url);
        }
        return REFERENCES.get(database);
    }

    /**
     * On H2 the child keeps the shipped datasource URL and only moves the data folder: whether committed work survives
     * a SIGKILL depends on that URL's settings (H2 delays writing commits to the file unless told not to).
     */
    private static String databaseUrl(String database, String name) throws SQLException {
        if (database.equals("h2")) {
            return H2_DATA_DIR + temp.resolve(name).toAbsolutePath();
        }
        String schema = MariaDbAvailable.DATABASE + "_" + name;
        try (Connection c = DriverManager.getConnection(MariaDbAvailable.URL, "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schema);
            s.execute("CREATE DATABASE " + schema);
        }
        return MariaDbAvailable.URL.replace("/" + MariaDbAvailable.DATABASE + "?", "/" + schema + "?");
    }

    private static List<String> ledger(String target, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        String url = target.startsWith(H2_DATA_DIR)
                ? "jdbc:h2:file:" + target.substring(H2_DATA_DIR.length()) + "/promise-ledger;MODE=MySQL;NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE"
                : target;
        try (Connection c = DriverManager.getConnection(url, user(url), "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    // surrogate ids (MariaDB does not reuse those of rolled-back inserts) and timestamps are not the ledger's content
                    String column = meta.getColumnLabel(i);
                    if (!column.equalsIgnoreCase("created_at") && !column.equalsIgnoreCase("id")) {
                        row.append(meta.getColumnLabel(i).toLowerCase()).append('=').append(rs.getString(i)).append(' ');
                    }
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String user(String url) {
        return url.startsWith("jdbc:h2") ? "sa" : "root";
    }

    private Child.Result runChild(String url, String pauseAt) throws Exception {
        return runChild(url, pauseAt, "hr.alice");
    }

    private Child.Result runChild(String url, String pauseAt, String as) throws Exception {
        Child child = startChild(url, pauseAt, as);
        return child.await();
    }

    private Child startChild(String url, String pauseAt) throws IOException {
        return startChild(url, pauseAt, "hr.alice");
    }

    private Child startChild(String url, String pauseAt, String as) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "org.promiseledger.PromiseLedgerApplication",
                "run", "--period", "2026-Q3", "--data", SMALL_INPUT.toString(), "--rules", "rules", "--as", as,
                "--promise-ledger.min-sample=3"));
        if (url.startsWith(H2_DATA_DIR)) {
            command.add("--promise-ledger.data-dir=" + url.substring(H2_DATA_DIR.length()));
        } else {
            command.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=root", "--spring.datasource.password="));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("PROMISE_LEDGER_PAUSE_AT");
        if (pauseAt != null) {
            builder.environment().put("PROMISE_LEDGER_PAUSE_AT", pauseAt);
        }
        return new Child(builder.start());
    }

    /** A child JVM whose output is collected line by line as it comes. */
    record Child(Process process, StringBuffer lines, CompletableFuture<Void> reader) {

        record Result(int exitCode, String output) {
        }

        Child(Process process) {
            this(process, new StringBuffer(), new CompletableFuture<>());
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.append(line).append('\n');
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
                reader.complete(null);
            });
            pump.setDaemon(true);
            pump.start();
        }

        void awaitLine(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!lines.toString().contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("child never printed '" + text + "':\n" + lines);
                }
                Thread.sleep(100);
            }
        }

        Result await() throws Exception {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child did not finish:\n" + lines);
            }
            reader.get(10, TimeUnit.SECONDS);
            return new Result(process.exitValue(), lines.toString());
        }
    }

}
