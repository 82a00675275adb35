package org.promiseledger.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.promiseledger.rules.RuleProblem;

/** Decision-table cells read as the office program shows them. */
class DecisionTableWorkbookTests {

    @Test
    void shownNumbersAreReadAsTheAnalystSeesThem() {
        assertThat(DecisionTableWorkbook.number("100%")).isEqualByComparingTo("1");
        assertThat(DecisionTableWorkbook.number("30 %")).isEqualByComparingTo("0.3");
        assertThat(DecisionTableWorkbook.number("1,234.50")).isEqualByComparingTo("1234.5");
        assertThat(DecisionTableWorkbook.number("1.00E+20")).isEqualByComparingTo("1E+20");
        assertThat(DecisionTableWorkbook.number("€2.0")).isEqualByComparingTo("2");
        assertThat(DecisionTableWorkbook.number("fifty %")).isNull();
    }

    @Test
    void theLibreOfficeWorkbookReachesDroolsAsPlainValues() throws Exception {
        byte[] original = Files.readAllBytes(Path.of("src/test/resources/rules/decision-tables/percent-role-weights.drl.xlsx"));

        DecisionTableWorkbook.Result result = DecisionTableWorkbook.normalise("role-weights.drl.xlsx", original);

        assertThat(result.problems()).isEmpty();
        try (Workbook copy = WorkbookFactory.create(new java.io.ByteArrayInputStream(result.normalised()))) {
            Sheet sheet = copy.getSheet("Role weights");
            // C10 50 %, E10 "30 %" format, F10 =1-C10-E10 shown 20 %, G10 2.0, G11 1.50
            assertThat(text(sheet, 9, 2)).isEqualTo("0.5");
            assertThat(text(sheet, 9, 4)).isEqualTo("0.3");
            assertThat(text(sheet, 9, 5)).isEqualTo("0.2");
            assertThat(text(sheet, 9, 6)).isEqualTo("2");
            assertThat(text(sheet, 10, 6)).isEqualTo("1.5");
            assertThat(copy.getSheet("Notes")).isNotNull();
        }
    }

    @Test
    void aFormulaErrorIsReportedAtItsCell() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = book.createSheet("Weights").createRow(3);
            row.createCell(2).setCellFormula("1/0");
            book.write(out);
            bytes = out.toByteArray();
        }

        assertThat(DecisionTableWorkbook.normalise("w.drl.xlsx", bytes).problems()).containsExactly(
                new RuleProblem("w.drl.xlsx", "sheet 'Weights', cell C4", "the formula 1/0 gives the error #DIV/0!"));
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }
}
