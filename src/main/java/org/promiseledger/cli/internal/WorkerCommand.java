package org.promiseledger.cli.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.promiseledger.runs.partition.ScoringWorker;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

@Component
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Scores departments for remote runs (run ... --promise-ledger.partitioning=remote) until stopped.",
                "Needs the same database as the runs (spring.datasource.*), the runs' rules folder (at the run's path, else",
                "promise-ledger.rules-dir) and the broker (spring.rabbitmq.*, promise-ledger.partition-queue). Stop it with Ctrl-C",
                "or SIGTERM; a partition it was scoring fails the run, and run again restarts it."})
public class WorkerCommand implements Callable<Integer> {

    private final ScoringWorker worker;

    WorkerCommand(ScoringWorker worker) {
        this.worker = worker;
    }

    @Override
    public Integer call() throws Exception {
        worker.start();
        System.out.println("worker ready: " + worker.describe());
        System.out.flush();
        new CountDownLatch(1).await(); // until the process is stopped; Spring closes the listener on the way out
        return 0;
    }
}
