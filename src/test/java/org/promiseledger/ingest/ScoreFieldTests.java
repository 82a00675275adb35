package org.promiseledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A score field (nps 0..10): a whole number with an optional sign and at most 9 ASCII digits, then its range. */
class ScoreFieldTests {

    private final FieldType.Score nps = new FieldType.Score(0, 10);

    @ParameterizedTest
    @ValueSource(strings = {"0", "10", "+7", "007", "-0"})
    void wholeNumbersInRangeAreTheirValue(String text) throws Exception {
        assertThat(nps.parse(text)).isEqualTo(Integer.parseInt(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", "5.0", "5e0", " 5", "5 ", "++5", "٣", "５", "1234567890", "0x5", "five"})
    void anythingElseIsUnparseable(String text) {
        FieldType.FieldFault fault = catchThrowableOfType(() -> nps.parse(text), FieldType.FieldFault.class);

        assertThat(fault).as("'%s'", text).isNotNull();
        assertThat(fault.reason()).isEqualTo(RejectReason.UNPARSEABLE);
        assertThat(fault.getMessage()).isEqualTo("not a whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "-1", "999999999", "-999999999"})
    void wholeNumbersOutOfRangeSayTheRange(String text) {
        FieldType.FieldFault fault = catchThrowableOfType(() -> nps.parse(text), FieldType.FieldFault.class);

        assertThat(fault.reason()).isEqualTo(RejectReason.OUT_OF_RANGE);
        assertThat(fault.getMessage()).isEqualTo("must be 0..10");
    }
}
