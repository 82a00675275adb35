package org.promiseledger.ingest;

/**
 * Row counts of one input file in one run; {@code read = accepted + rejected} always, and {@code outOfPeriod} is
 * the part of {@code rejected} that does not count against the reject limit.
 */
public record FileCounts(String fileName, long read, long accepted, long rejected, long outOfPeriod) {

    public FileCounts {
        if (read != accepted + rejected) {
            throw new IllegalStateException(fileName + ": rows read " + read + " != accepted " + accepted + " + rejected " + rejected);
        }
    }

    public long rejectedAgainstLimit() {
        return rejected - outOfPeriod;
    }
}
