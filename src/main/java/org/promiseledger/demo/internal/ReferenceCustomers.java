package org.promiseledger.demo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.SplittableRandom;

/**
 * The reference workload's customers, C0000001 onwards: 400,000 at five million rows, scaling with the rows (never
 * fewer than 1,000), so each customer has about a dozen events in the quarter whatever the size. The newest 4 %
 * joined during the quarter.
 *
 * <p>Each customer has a home department, one of the customer-facing ones, dealt round by number, and 99 % of a
 * customer's events happen there. Without homes every department would touch nearly every customer, and
 * department complaint rates and retention would sit far better than the company's.
 */
public final class ReferenceCustomers {

    static final byte[] PREFIX = "C".getBytes(StandardCharsets.US_ASCII);
    static final int WIDTH = 7;
    private static final int LOYALTY_PERCENT = 99;
    private static final int ACQUIRED_PERCENT = 4;

    private final long count;
    private final int homes;

    public ReferenceCustomers(long rows, int homes) {
        this.count = Math.max(1_000, rows * 2 / 25);
        this.homes = homes;
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many rows for one quarter: " + rows);
        }
    }

    long count() {
        return count;
    }

    /** Index into the facing departments of the customer's home department. */
    int homeOf(long customer) {
        return (int) (customer % homes);
    }

    /** The customer behind an event at a touchpoint of the given facing department: mostly one who lives there. */
    long customerAt(int facing, SplittableRandom random) {
        if (random.nextInt(100) >= LOYALTY_PERCENT) {
            return random.nextLong(count);
        }
        long living = (count - facing + homes - 1) / homes;
        return facing + homes * random.nextLong(living);
    }

    /** customers.csv: customer_id, active_at_start, active_at_end, acquired_in_period. */
    public long write(Path file, BitSet churned) throws IOException {
        long firstAcquired = count - count * ACQUIRED_PERCENT / 100;
        try (CsvLineWriter out = new CsvLineWriter(file, ContractFile.CUSTOMERS.header())) {
            for (long c = 0; c < count; c++) {
                boolean acquired = c >= firstAcquired;
                out.begin().id(PREFIX, c + 1, WIDTH).flag(!acquired).flag(!churned.get((int) c)).flag(acquired).end();
            }
            return out.rows();
        }
    }
}
