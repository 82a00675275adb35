package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Which held suspects' ids a file's staged rows already carry: asked in one IN list up to
 * {@link StagingStore#IDS_ASKED_AT_ONCE} ids, streamed past that; both find exactly the staged ones, of this run only.
 * On H2 and on MariaDB (subclasses).
 */
@SpringBootTest(properties = {"promise-ledger.cli.enabled=false"})
abstract class StagedIdsFunctionalTests {

    private static final long RUN = 987_654_321L;
    private static final long OTHER_RUN = RUN + 1;

    @Autowired
    StagingStore store;

    @Test
    void aFewIdsAndMoreThanOneListFindExactlyTheIdsStagedForTheRun() {
        List<RowOutcome.Accepted> rows = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            rows.add(new RowOutcome.Accepted(i + 1, new Object[] {"R" + i, "C" + i, "T1", "2026-08-01T10:00:00Z", 9, 5, 2}));
        }
        store.clearStaged(RUN, InputFile.SURVEYS);
        store.clearStaged(OTHER_RUN, InputFile.SURVEYS);
        store.insertAccepted(RUN, InputFile.SURVEYS, rows);
        store.insertAccepted(OTHER_RUN, InputFile.SURVEYS,
                List.of(new RowOutcome.Accepted(2, new Object[] {"R-other", "C1", "T1", "2026-08-01T10:00:00Z", 9, 5, 2})));

        Set<String> few = Set.of("R7", "R200", "R201", "R-other", "r7");
        Set<String> many = new HashSet<>(few);
        for (int i = 0; many.size() <= StagingStore.IDS_ASKED_AT_ONCE; i++) {
            many.add("absent-" + i);
        }
        many.add("R150");

        assertThat(store.stagedAmong(RUN, InputFile.SURVEYS, few)).containsExactlyInAnyOrder("R7", "R200");
        assertThat(store.stagedAmong(RUN, InputFile.SURVEYS, many)).containsExactlyInAnyOrder("R7", "R150", "R200");
        assertThat(store.stagedAmong(RUN, InputFile.SURVEYS, Set.of())).isEmpty();
    }
}
