package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimedIdsTests {

    @Test
    void aSecondClaimOfTheSameIdIsSuspected() {
        ClaimedIds ids = new ClaimedIds();

        assertThat(ids.claim("R1")).isTrue();
        assertThat(ids.claim("R1")).isFalse();
    }

    @Test
    void millionsOfDistinctIdsAreAllNewAndRepeatsAreAllSuspected() {
        ClaimedIds ids = new ClaimedIds();

        for (int i = 0; i < 2_000_000; i++) {
            assertThat(ids.claim("S" + i)).as("fingerprints of distinct ids never collided here").isTrue();
        }
        for (int i = 0; i < 2_000_000; i += 97) {
            assertThat(ids.claim("S" + i)).isFalse();
        }
    }
}
