package org.promiseledger.runs.partition.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where scoring runs: {@code local} (every core of this machine, the default) or {@code remote} (partitions of
 * departments handed to {@code worker} processes over RabbitMQ, broker settings under {@code spring.rabbitmq.*}).
 *
 * @param partitioning     {@code local} or {@code remote}
 * @param partitionQueue   the queue the partition requests travel on; the run and its workers must name the same one
 * @param partitions       how many department ranges a remote run is cut into (a restart keeps the first cut)
 * @param partitionTimeout how long a remote run waits for its workers before it fails (exit 1, run again to restart)
 * @param partitionPoll    how often the run looks in the job repository for finished partitions
 */
@ConfigurationProperties("promise-ledger")
public record PartitioningSettings(String partitioning, String partitionQueue, Integer partitions, Duration partitionTimeout,
        Duration partitionPoll) {

    public static final String LOCAL = "local";
    public static final String REMOTE = "remote";

    public PartitioningSettings {
        partitioning = partitioning == null || partitioning.isBlank() ? LOCAL : partitioning.trim().toLowerCase(java.util.Locale.ROOT);
        partitionQueue = partitionQueue == null || partitionQueue.isBlank() ? "promise-ledger.scoring-partitions" : partitionQueue;
        partitions = partitions == null ? 8 : partitions;
        partitionTimeout = partitionTimeout == null ? Duration.ofMinutes(30) : partitionTimeout;
        partitionPoll = partitionPoll == null ? Duration.ofMillis(500) : partitionPoll;
        if (!partitioning.equals(LOCAL) && !partitioning.equals(REMOTE)) {
            throw new IllegalArgumentException("promise-ledger.partitioning must be local or remote, not " + partitioning);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("promise-ledger.partitions must be at least 1");
        }
    }

    public boolean remote() {
        return partitioning.equals(REMOTE);
    }
}
