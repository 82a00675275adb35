package org.promiseledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.dao.DataAccessResourceFailureException;

/** The read-ahead hands over every row in order, kind after kind, and a failure on either side ends both, at once. */
@Timeout(30)
class ReadAheadTests {

    /** Rows per kind: several blocks and a part block for answers, none for churn. */
    private static final int[] ROWS = {10_000, 4096, 1, 0};

    @Test
    void everyRowArrivesInOrderKindAfterKind() {
        List<String> seen = new ArrayList<>();

        ReadAhead.readAll(ReadAheadTests::rows, (kind, customer, touchpoint, flag) -> seen.add(kind + " " + customer + " "
                + touchpoint + " " + flag));

        List<String> expected = new ArrayList<>();
        rows((kind, customer, touchpoint, flag) -> expected.add(kind + " " + customer + " " + touchpoint + " " + flag));
        assertThat(seen).hasSize(10_000 + 4096 + 1).isEqualTo(expected);
    }

    @Test
    void aFailedReadIsThrownToTheCountingThreadAsItself() {
        DistinctCustomerCount.Reader failing = (kind, rows) -> {
            for (int i = 0; i < 5_000; i++) {
                rows.row("C" + i, "T1", false);
            }
            throw new DataAccessResourceFailureException("connection lost");
        };
        AtomicInteger counted = new AtomicInteger();

        assertThatThrownBy(() -> ReadAhead.readAll(failing, (kind, customer, touchpoint, flag) -> counted.incrementAndGet()))
                .isInstanceOf(DataAccessResourceFailureException.class).hasMessage("connection lost");
        assertThat(counted.get()).isLessThanOrEqualTo(5_000);
    }

    @Test
    void aFailedCountStopsTheReadAndIsThrownAsItself() {
        AtomicInteger read = new AtomicInteger();
        DistinctCustomerCount.Reader endless = (kind, rows) -> {
            for (int i = 0; i < 10_000_000; i++) {
                read.incrementAndGet();
                rows.row("C" + i, "T1", false);
            }
        };

        assertThatThrownBy(() -> ReadAhead.readAll(endless, (kind, customer, touchpoint, flag) -> {
            if (customer.equals("C100")) {
                throw new IllegalArgumentException("bad row");
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad row");
        assertThat(read.get()).as("rows read before the read stopped").isLessThan(100_000);
    }

    private static void rows(CustomerRows.Kind kind, DistinctCustomerCount.RawRow rows) {
        for (int i = 0; i < ROWS[kind.ordinal()]; i++) {
            rows.row("C" + i, "T" + (i % 7), i % 3 == 0);
        }
    }

    private static void rows(ReadAhead.KindedRow rows) {
        for (CustomerRows.Kind kind : CustomerRows.Kind.values()) {
            rows(kind, (customer, touchpoint, flag) -> rows.row(kind, customer, touchpoint, flag));
        }
    }
}
