package org.promiseledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;

/**
 * What the booking loop links is what the verifier recomputes: {@link HashChain#link} builds the hashed text its own
 * (faster) way, and must give {@link HashChain#hash} of the same values, row after row, for every kind of value the
 * ledger books (text, ints, decimals at their scale, nulls, segment columns set or not).
 */
class HashChainLinkTests {

    @Test
    void linkingRowsGivesTheHashesTheVerifierRecomputes() {
        HashChain chain = new HashChain(LedgerTable.PAYOUT_LINE, null);
        Object[] wholeQuarter = {"2026-Q3", "E1", 1, "COMPANY_CX", new BigDecimal("0.500000000000"), null,
                new BigDecimal("-0.392187500000"), null, null, null, null, null, null, null};
        Object[] segment = {"2026-Q3", "E1", 2, "SEGMENT", null, new BigDecimal("1.25"), new BigDecimal("100.00"),
                "2026-07-01", "2026-08-15", 46, 92, "D1", "STAFF", new BigDecimal("1000").setScale(18, RoundingMode.UNNECESSARY)};

        HashChain.Link first = chain.link(wholeQuarter);
        HashChain.Link second = chain.link(segment);

        assertThat(first.previousHash()).isEqualTo(HashChain.GENESIS);
        assertThat(first.rowHash()).isEqualTo(HashChain.hash(LedgerTable.PAYOUT_LINE, HashChain.GENESIS,
                java.util.Arrays.asList(wholeQuarter)));
        assertThat(second.previousHash()).isEqualTo(first.rowHash());
        assertThat(second.rowHash()).isEqualTo(HashChain.hash(LedgerTable.PAYOUT_LINE, first.rowHash(),
                java.util.Arrays.asList(segment)));
    }

    @Test
    void aDecisionRowHashesItsIntsAndNullsAsText() {
        Object[] decision = {"2026-Q3", "E7", null, 3, "GATE", 0, "OPEN", null, new BigDecimal("42.000000000000"), "rule"};
        String expected = org.promiseledger.kernel.Sha256.hex(HashChain.GENESIS + "|period=2026-Q3|employee_id=E7|segment_from="
                + "|seq=3|kind=GATE|applies=0|outcome=OPEN|measure=|decided_value=42.000000000000|rule_name=rule");

        assertThat(new HashChain(LedgerTable.PAYOUT_DECISION, null).link(decision).rowHash()).isEqualTo(expected);
    }
}
