package org.promiseledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The segment columns of payout_line enter a row's hash only when set: a line of an employee paid on one whole
 * quarter hashes exactly as before the columns existed, and a segment line's dates, days, department, role and target
 * bonus are all under its hash.
 */
class HashChainSegmentTests {

    static final List<Object> LINE = Arrays.asList("2026-Q3", "E1", 1, "COMPANY_CX", new BigDecimal("0.500000000000"),
            new BigDecimal("0.784375000000"), new BigDecimal("0.392187500000"));

    @Test
    void aWholeQuarterLineHashesAsBeforeTheSegmentColumnsExisted() {
        List<Object> withEmptySegment = new java.util.ArrayList<>(LINE);
        withEmptySegment.addAll(Arrays.asList(null, null, null, null, null, null, null));

        assertThat(HashChain.canonical(LedgerTable.PAYOUT_LINE, withEmptySegment)).isEqualTo(
                "period=2026-Q3|employee_id=E1|seq=1|component=COMPANY_CX|weight=0.500000000000|attainment=0.784375000000"
                        + "|contribution=0.392187500000");
        assertThat(HashChain.hash(LedgerTable.PAYOUT_LINE, HashChain.GENESIS, withEmptySegment))
                .isEqualTo(HashChain.hash(LedgerTable.PAYOUT_LINE, HashChain.GENESIS, LINE));
    }

    @Test
    void aSegmentLineHashesItsSegment() {
        List<Object> segment = new java.util.ArrayList<>(LINE);
        segment.addAll(Arrays.asList("2026-07-01", "2026-08-15", 46, 92, "D1", "STAFF", new BigDecimal("2250.000000000000000000")));
        List<Object> otherDays = new java.util.ArrayList<>(segment);
        otherDays.set(9, 45);

        assertThat(HashChain.canonical(LedgerTable.PAYOUT_LINE, segment)).endsWith("|contribution=0.392187500000"
                + "|segment_from=2026-07-01|segment_to=2026-08-15|segment_days=46|quarter_days=92|segment_department_id=D1"
                + "|segment_role=STAFF|segment_target_bonus=2250.000000000000000000");
        assertThat(HashChain.hash(LedgerTable.PAYOUT_LINE, HashChain.GENESIS, segment))
                .isNotEqualTo(HashChain.hash(LedgerTable.PAYOUT_LINE, HashChain.GENESIS, LINE))
                .isNotEqualTo(HashChain.hash(LedgerTable.PAYOUT_LINE, HashChain.GENESIS, otherDays));
    }
}
