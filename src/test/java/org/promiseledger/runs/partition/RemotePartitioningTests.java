package org.promiseledger.runs.partition;

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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.promiseledger.support.MariaDbAvailable;
import org.promiseledger.support.RabbitMqAvailable;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Remote partitioning for real: worker processes (child JVMs running {@code worker}) and runs started with
 * {@code --promise-ledger.partitioning=remote} share the local MariaDB and RabbitMQ. The ledger a remote run books is,
 * row for row and hash for hash, that of a local run; a worker killed in the middle of a partition makes the run fail
 * with exit 1 on its timeout, and running it again restarts it and books that same ledger. Each test class run uses
 * its own queue, so runs side by side do not take each other's requests.
 */
@ExtendWith({MariaDbAvailable.class, RabbitMqAvailable.class})
class RemotePartitioningTests {

    static final Path SMALL_INPUT = Path.of("src/test/resources/jobs/small/input").toAbsolutePath();
    static final List<String> LEDGER_TABLES = List.of("payout", "payout_line", "rule_trail", "payout_decision", "cx_index",
            "metric_attainment");
    /** What the aggregation step stores: the metrics of every scope and their counts, the moment-of-truth checks, the scopes' touchpoints. */
    static final List<String> METRIC_TABLES = List.of("department_metrics", "metric_count", "mot_check", "scope_touchpoint");

    static final String QUEUE = "promise-ledger.test-partitions." + UUID.randomUUID();

    static String reference;

    final List<Child> children = new ArrayList<>();

    @BeforeAll
    static void localReferenceRun() throws Exception {
        reference = schema("remote_reference");
        Child.Result local = Child.start(command(reference, "run", "--period", "2026-Q3", "--data", SMALL_INPUT.toString(),
                "--rules", "rules", "--as", "hr.alice", "--promise-ledger.min-sample=3"), null).await();
        assertThat(local.exitCode()).as(local.output()).isZero();
    }

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Child child : children) {
            child.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void deleteQueue() {
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
        try {
            new RabbitAdmin(connections).deleteQueue(QUEUE);
        } finally {
            connections.destroy();
        }
    }

    @Test
    void aRemoteRunCountedAndScoredByTwoWorkersBooksTheSameMetricsAndLedgerAsALocalRun() throws Exception {
        String url = schema("remote_two_workers");
        Child first = worker(url, null);
        first.awaitLine("worker ready"); // the first process on an empty database creates the tables
        Child second = worker(url, null);
        second.awaitLine("worker ready");

        Child.Result run = remoteRun(url, "120s").await();

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'aggregatePartitionWorkerStep:%'"))
                .as("partitions counted by workers").isEqualTo(3);
        assertThat(count(url, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'scorePartitionWorkerStep:%'"))
                .as("partitions scored by workers").isEqualTo(3);
        assertSameMetrics(url);
        assertSameLedger(url);
        assertThat(first.output()).as("the first worker scored a partition").contains("worker: run ");
        assertThat(second.output()).as("the second worker scored a partition").contains("worker: run ");
        assertThat(count(url, "SELECT COUNT(*) FROM scoring_partition")).as("staged partitions left after booking").isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM aggregation_partition")).as("counted parts left after aggregation").isZero();
    }

    @Test
    void aWorkerKilledDuringAggregationFailsTheRunAndRunningItAgainStoresTheSameMetricsAndLedger() throws Exception {
        String url = schema("remote_killed_counter");
        Child victim = worker(url, "worker-aggregation");
        victim.awaitLine("worker ready");
        Child failing = remoteRun(url, "45s");
        victim.awaitLine("PAUSED AT worker-aggregation");
        Child survivor = worker(url, null);
        survivor.awaitLine("worker ready");
        victim.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Child.Result failed = failing.await();
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("did not finish 1 of 3 aggregation partitions").contains("Run again");
        assertThat(count(url, "SELECT COUNT(*) FROM department_metrics")).as("no metrics stored by the failed run").isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM aggregation_partition")).as("the survivor's parts are kept").isEqualTo(2);

        Child.Result restart = remoteRun(url, "180s").await();
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("restarted where it stopped");
        assertSameMetrics(url);
        assertSameLedger(url);
        assertThat(survivor.output()).as("the dead worker's request came back and was not run twice").contains("worker: skipped");
    }

    @Test
    void aWorkerKilledDuringScoringFailsTheRunAndRunningItAgainBooksTheSameLedger() throws Exception {
        String url = schema("remote_killed_worker");
        Child victim = worker(url, "worker-scoring");
        victim.awaitLine("worker ready");
        Child failing = remoteRun(url, "45s");
        victim.awaitLine("PAUSED AT worker-scoring");
        Child survivor = worker(url, null);
        survivor.awaitLine("worker ready");
        victim.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Child.Result failed = failing.await();
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("did not finish").contains("Run again");
        assertThat(count(url, "SELECT COUNT(*) FROM payout")).as("nothing booked by the failed run").isZero();

        Child.Result restart = remoteRun(url, "180s").await();
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.output()).contains("restarted where it stopped");
        assertSameLedger(url);
        assertThat(survivor.output()).as("the dead worker's request came back and was not run twice").contains("worker: skipped");
    }

    private void assertSameMetrics(String url) throws SQLException {
        for (String table : METRIC_TABLES) {
            assertThat(rows(url, table)).as(table).isNotEmpty().containsExactlyElementsOf(rows(reference, table));
        }
    }

    private void assertSameLedger(String url) throws SQLException {
        for (String table : LEDGER_TABLES) {
            assertThat(rows(url, table)).as(table).isNotEmpty().containsExactlyElementsOf(rows(reference, table));
        }
    }

    private Child worker(String url, String pauseAt) throws IOException {
        Child child = Child.start(command(url, "worker", "--promise-ledger.partition-queue=" + QUEUE), pauseAt);
        children.add(child);
        return child;
    }

    private Child remoteRun(String url, String timeout) throws IOException {
        Child child = Child.start(command(url, "run", "--period", "2026-Q3", "--data", SMALL_INPUT.toString(), "--rules", "rules",
                "--as", "hr.alice", "--promise-ledger.min-sample=3", "--promise-ledger.partitioning=remote",
                "--promise-ledger.partitions=3", "--promise-ledger.partition-queue=" + QUEUE,
                "--promise-ledger.partition-timeout=" + timeout), null);
        children.add(child);
        return child;
    }

    static List<String> command(String url, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "org.promiseledger.PromiseLedgerApplication"));
        command.addAll(List.of(args));
        command.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=root", "--spring.datasource.password=",
                "--spring.rabbitmq.host=127.0.0.1", "--spring.rabbitmq.port=5672"));
        return command;
    }

    static String schema(String name) throws SQLException {
        String schema = MariaDbAvailable.DATABASE + "_" + name;
        try (Connection c = DriverManager.getConnection(MariaDbAvailable.URL, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schema);
            s.execute("CREATE DATABASE " + schema);
        }
        return MariaDbAvailable.URL.replace("/" + MariaDbAvailable.DATABASE + "?", "/" + schema + "?");
    }

    static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static final java.util.Map<String, String> ORDER = java.util.Map.of(
            "cx_index", "run_id, scope, department_id",
            "metric_attainment", "run_id, scope, department_id, metric",
            "department_metrics", "run_id, scope, department_id, metric",
            "metric_count", "run_id, scope, department_id, counter_code, channel",
            "mot_check", "run_id, touchpoint_id",
            "scope_touchpoint", "run_id, scope, department_id, touchpoint_id");

    /** A table's rows in a fixed order, without the surrogate ids and timestamps that are not the ledger's content. */
    static List<String> rows(String url, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + ORDER.getOrDefault(table, "id"))) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i).toLowerCase();
                    if (!column.equals("created_at") && !column.equals("id")) {
                        row.append(column).append('=').append(rs.getString(i)).append(' ');
                    }
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** A child JVM whose output is collected line by line as it comes. */
    record Child(Process process, StringBuffer lines) {

        record Result(int exitCode, String output) {
        }

        static Child start(List<String> command, String pauseAt) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("PROMISE_LEDGER_PAUSE_AT");
            if (pauseAt != null) {
                builder.environment().put("PROMISE_LEDGER_PAUSE_AT", pauseAt);
            }
            Child child = new Child(builder.start(), new StringBuffer());
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(child.process().getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        child.lines().append(line).append('\n');
                    }
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            pump.setDaemon(true);
            pump.start();
            return child;
        }

        String output() {
            return lines.toString();
        }

        void awaitLine(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!lines.toString().contains(text)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("child never printed '" + text + "':\n" + lines);
                }
                Thread.sleep(100);
            }
        }

        Result await() throws Exception {
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child did not finish:\n" + lines);
            }
            process.getInputStream().close();
            Thread.sleep(200);
            return new Result(process.exitValue(), lines.toString());
        }
    }
}
