package org.promiseledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** How `export integrity` writes its cells: safe to open in a spreadsheet, fixed decimals. */
class IntegrityExportTests {

    @Test
    void textThatASpreadsheetWouldTakeForAFormulaGetsALeadingApostrophe() {
        assertThat(IntegrityExport.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(IntegrityExport.safe("+T1")).isEqualTo("'+T1");
        assertThat(IntegrityExport.safe("-T1")).isEqualTo("'-T1");
        assertThat(IntegrityExport.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(IntegrityExport.safe("\tT1")).isEqualTo("'\tT1");
        assertThat(IntegrityExport.safe("\rT1")).isEqualTo("'\rT1");
        assertThat(IntegrityExport.safe("T-1")).isEqualTo("T-1");
        assertThat(IntegrityExport.safe("55 % of answers were a 10")).isEqualTo("55 % of answers were a 10");
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
