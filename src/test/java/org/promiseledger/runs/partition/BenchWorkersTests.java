package org.promiseledger.runs.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.demo.ReferenceWorkload;
import org.promiseledger.support.MariaDbAvailable;
import org.promiseledger.support.RabbitMqAvailable;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * {@code bench --workers 2} in a child JVM: it starts two worker processes of its own, the run's departments are scored
 * in them over RabbitMQ, and it prints the same figures as a bench scored in one process.
 */
@ExtendWith({MariaDbAvailable.class, RabbitMqAvailable.class})
class BenchWorkersTests {

    static final String QUEUE = "promise-ledger.test-bench." + UUID.randomUUID();

    @TempDir
    Path workload;

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
    void benchWithTwoWorkersScoresInThemAndReportsTheSameFigures() throws Exception {
        new ReferenceWorkload(2026).write(workload, 20_000);
        String url = RemotePartitioningTests.schema("bench_workers");

        List<String> command = RemotePartitioningTests.command(url, "bench", "--data", workload.toString(), "--rules", "rules",
                "--workers", "2", "--promise-ledger.partition-queue=" + QUEUE, "--promise-ledger.partitions=4");
        RemotePartitioningTests.Child.Result bench = RemotePartitioningTests.Child.start(command, null).await();

        assertThat(bench.exitCode()).as(bench.output()).isZero();
        assertThat(bench.output()).contains("2 local workers started").contains("aggregatePartitionsStep")
                .contains("aggregateMetricsStep").contains("scorePartitionsStep").contains("scoreEmployeesStep")
                .contains("[worker 1] worker: run 1").contains("[worker 2] worker: run 1");
        assertThat(bench.output()).containsPattern(
                "bench: rows 20000, total \\d+\\.\\d s, ingest/LOAD DATA \\d+\\.\\d\\dx, scoring \\d+\\.\\d s, peak heap \\d+ MB");
        assertThat(RemotePartitioningTests.count(url, "SELECT COUNT(*) FROM payout")).isEqualTo(20_000);
        assertThat(RemotePartitioningTests.count(url,
                "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'scorePartitionWorkerStep:%' AND STATUS = 'COMPLETED'"))
                .isEqualTo(4);
        assertThat(RemotePartitioningTests.count(url,
                "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'aggregatePartitionWorkerStep:%' AND STATUS = 'COMPLETED'"))
                .isEqualTo(4);
    }
}
