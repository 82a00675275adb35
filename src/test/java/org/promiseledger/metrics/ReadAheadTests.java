package org.promiseledger.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.promiseledger.kernel.BadInputException;

/**
 * The read-ahead hands over every item in order, across blocks; a producer's failure comes out on the consuming thread
 * as itself, after the items before it; closing early stops the producer.
 */
@Timeout(30)
class ReadAheadTests {

    @Test
    void everyItemArrivesInOrderAcrossBlocks() {
        int items = 3 * ReadAhead.BLOCK + 17;
        List<Integer> seen = new ArrayList<>();

        try (ReadAhead<Integer> ahead = new ReadAhead<>("test", sink -> {
            for (int i = 0; i < items; i++) {
                sink.accept(i);
            }
        })) {
            ahead.forEachRemaining(seen::add);
            assertThat(ahead.hasNext()).isFalse();
        }

        assertThat(seen).hasSize(items);
        for (int i = 0; i < items; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void nothingProducedIsNoItem() {
        try (ReadAhead<String> ahead = new ReadAhead<>("test", sink -> { })) {
            assertThat(ahead.hasNext()).isFalse();
            assertThatThrownBy(ahead::next).isInstanceOf(java.util.NoSuchElementException.class);
        }
    }

    @Test
    void aFailedProducerIsThrownAsItselfAfterTheItemsBeforeIt() {
        BadInputException broken = new BadInputException(List.of("surveys.csv, line 5002: the CSV structure is broken"));
        List<Integer> seen = new ArrayList<>();

        try (ReadAhead<Integer> ahead = new ReadAhead<>("test", sink -> {
            for (int i = 0; i < 5_000; i++) {
                sink.accept(i);
            }
            throw broken;
        })) {
            assertThatThrownBy(() -> ahead.forEachRemaining(seen::add)).isSameAs(broken);
            assertThat(ahead.hasNext()).as("ended").isFalse();
        }

        assertThat(seen).hasSize(5_000);
    }

    @Test
    void aCheckedFailureComesOutWithItsMessage() {
        try (ReadAhead<Integer> ahead = new ReadAhead<>("test", sink -> {
            throw new java.io.IOException("disk gone");
        })) {
            assertThatThrownBy(ahead::hasNext).isInstanceOf(IllegalStateException.class).hasMessage("disk gone")
                    .hasCauseInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void closingEarlyStopsTheProducer() {
        AtomicInteger produced = new AtomicInteger();
        ReadAhead<Integer> ahead = new ReadAhead<>("test", sink -> {
            for (int i = 0; i < 100_000_000; i++) {
                produced.incrementAndGet();
                sink.accept(i);
            }
        });
        assertThat(ahead.next()).isZero();

        ahead.close();

        assertThat(produced.get()).as("items produced before the producer stopped").isLessThan(20 * ReadAhead.BLOCK);
    }
}
