package org.promiseledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.promiseledger.export.SpreadsheetSafeCsv;
import org.promiseledger.integrity.internal.IntegritySignalStore;

/** How `export integrity` writes its cells: safe to open in a spreadsheet, fixed decimals. */
class IntegrityExportTests {

    @Test
    void textThatASpreadsheetWouldTakeForAFormulaGetsALeadingApostrophe() {
        assertThat(SpreadsheetSafeCsv.text("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(SpreadsheetSafeCsv.text("+T1")).isEqualTo("'+T1");
        assertThat(SpreadsheetSafeCsv.text("-T1")).isEqualTo("'-T1");
        assertThat(SpreadsheetSafeCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetSafeCsv.text("\tT1")).isEqualTo("'\tT1");
        assertThat(SpreadsheetSafeCsv.text("\rT1")).isEqualTo("'\rT1");
        assertThat(SpreadsheetSafeCsv.text("T-1")).isEqualTo("T-1");
        assertThat(SpreadsheetSafeCsv.text("55 % of answers were a 10")).isEqualTo("55 % of answers were a 10");
    }

    @Test
    void listsByTouchpointIdInCodePointOrderThenBySignalCode() {
        List<Finding> sorted = List.of(finding("b", Signal.TOP_BOX_SURGE), finding("B", Signal.TOP_BOX_SURGE),
                finding("B", Signal.REPEAT_RESPONDENTS), finding("B", Signal.END_OF_QUARTER_BUNCHING),
                finding("B", Signal.SELECTIVE_SURVEYING)).stream().sorted(IntegritySignalStore.ORDER).toList();

        assertThat(sorted).extracting(f -> f.touchpointId() + " " + f.signal()).containsExactly(
                "B END_OF_QUARTER_BUNCHING", "B REPEAT_RESPONDENTS", "B SELECTIVE_SURVEYING", "B TOP_BOX_SURGE",
                "b TOP_BOX_SURGE");
    }

    private static Finding finding(String touchpoint, Signal signal) {
        return new Finding(touchpoint, "D", signal, BigDecimal.ONE, null, 30, 3, null, null, null, "x");
    }

    @Test
    void writesTheStatisticToFourPlacesAndThePValueToSixHalfEven() {
        assertThat(IntegrityExport.statistic(new BigDecimal("3.77425678048"))).isEqualTo("3.7743");
        assertThat(IntegrityExport.statistic(new BigDecimal("0.1"))).isEqualTo("0.1000");
        assertThat(IntegrityExport.pValue(new BigDecimal("0.000080242697"))).isEqualTo("0.000080");
        assertThat(IntegrityExport.pValue(new BigDecimal("0.0000025"))).isEqualTo("0.000002");
        assertThat(IntegrityExport.pValue(null)).isEmpty();
    }
}
