package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ClaimedIdsTests {

    @Test
    void aSecondClaimOfTheSameIdIsRefusedOnceConfirmed() {
        ClaimedIds ids = new ClaimedIds();

        assertThat(ids.claim("R1", id -> true)).isTrue();
        assertThat(ids.claim("R1", id -> true)).isFalse();
    }

    @Test
    void aFingerprintMatchThatIsNotConfirmedIsANewId() {
        ClaimedIds ids = new ClaimedIds();
        ids.claim("R1", id -> true);

        // the confirmation says no earlier row had this id: a fingerprint collision, so the id is new
        assertThat(ids.claim("R1", id -> false)).isTrue();
    }

    @Test
    void millionsOfDistinctIdsAreAllNewAndRepeatsAreAllCaught() {
        ClaimedIds ids = new ClaimedIds();
        Set<String> confirmations = new HashSet<>();

        for (int i = 0; i < 2_000_000; i++) {
            assertThat(ids.claim("S" + i, id -> confirmations.add(id) && false)).isTrue();
        }
        for (int i = 0; i < 2_000_000; i += 97) {
            assertThat(ids.claim("S" + i, id -> true)).isFalse();
        }
        assertThat(confirmations).as("fingerprints of distinct ids never collided here").isEmpty();
    }
}
