package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.promiseledger.ingest.RowValidatorTests.IN_Q3;
import static org.promiseledger.ingest.RowValidatorTests.describe;
import static org.promiseledger.ingest.RowValidatorTests.record;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HeldSuspectsTests {

    private final RowValidator validator = RowValidatorTests.validator(InputFile.SURVEYS);
    private final HeldSuspects held = new HeldSuspects();

    @Test
    void aSuspectWhoseIdNoRowClaimedIsAFingerprintCollisionAndIsAccepted() {
        validate("R1," + "C1,T1," + IN_Q3 + ",9,4,2", 2);
        validate("R1,C2,T1," + IN_Q3 + ",9,4,2", 3);

        assertThat(held.settle(validator, Set.of()).stream().map(RowValidatorTests::describe)).containsExactly("accepted");
    }

    @Test
    void suspectsAreSettledInLineOrderSoTheFirstUnclaimedOccurrenceWins() {
        validate("R1,C1,T1," + IN_Q3 + ",9,4,2", 2);
        validate("R1,C2,T1," + IN_Q3 + ",9,4,2", 3);
        validate("R1,C3,T1," + IN_Q3 + ",9,4,2", 4);

        // the first row was not staged (say it collided), so the first suspect claims the id and the second repeats it
        assertThat(held.settle(validator, Set.of()).stream().map(RowValidatorTests::describe))
                .containsExactly("accepted", "4,response_id,DUPLICATE_ID");
    }

    @Test
    void aSuspectSettledOutOfPeriodStillClaimsItsId() {
        validate("R1,C1,T1," + IN_Q3 + ",9,4,2", 2);
        validate("R1,C2,T1,2026-12-01T10:00:00Z,9,4,2", 3);
        validate("R1,C3,T1," + IN_Q3 + ",9,4,2", 4);

        assertThat(held.settle(validator, Set.of()).stream().map(RowValidatorTests::describe))
                .containsExactly("3,responded_at,OUT_OF_PERIOD", "4,response_id,DUPLICATE_ID");
    }

    @Test
    void aSuspectRepeatingAnIdClaimedBeforeIsRejected() {
        validate("R1,C1,T1," + IN_Q3 + ",9,4,2", 2);
        validate("R1,C2,T1," + IN_Q3 + ",9,4,2", 3);

        List<RowOutcome> settled = held.settle(validator, Set.of("R1"));

        assertThat(settled).extracting(RowValidatorTests::describe).containsExactly("3,response_id,DUPLICATE_ID");
        assertThat(held.isEmpty()).isTrue();
    }

    private void validate(String row, long line) {
        RowOutcome outcome = validator.validate(record(row), line);
        if (outcome instanceof RowOutcome.Suspect suspect) {
            held.hold(suspect);
        } else {
            assertThat(describe(outcome)).as("the first occurrence is not held").isEqualTo("accepted");
        }
    }
}
