package org.promiseledger.rules.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.promiseledger.rules.RuleProblem;

/**
 * A decision-table workbook as the analyst sees it in an office program, handed to Drools as a plain copy. Drools
 * reads cells its own way (a cell showing {@code 100 %} reached a rule as the text "100%"); here every cell becomes
 * the text of the value shown: a percentage is its fraction ({@code 100 %} → 1, {@code 30 %} → 0.3), a formula
 * counts by its result, a number as displayed by its format. Only visible sheets are handed over; a RuleTable on a
 * hidden sheet is refused, as is a cell that must be a number and is not, each named by workbook, sheet and cell.
 */
public final class DecisionTableWorkbook {

    private static final Pattern TEXT_PERCENT = Pattern.compile("([+-]?\\d+(?:[.,]\\d+)?)\\s*%");
    private static final Pattern NUMBER_TEMPLATE = Pattern.compile("BigDecimal\\(\\s*\"\\$param\"\\s*\\)|\\$param\\s*[<>=]");

    /** The copy for Drools, or the problems that stop the rule set. */
    public record Result(byte[] normalised, List<RuleProblem> problems) {
    }

    private DecisionTableWorkbook() {
    }

    /** The copy of the workbook {@code original} (bytes of an .xls or .xlsx) for Drools; {@code file} names it in problems. */
    public static Result normalise(String file, byte[] original) {
        List<RuleProblem> problems = new ArrayList<>();
        try (Workbook source = WorkbookFactory.create(new ByteArrayInputStream(original));
                Workbook copy = source instanceof HSSFWorkbook ? new HSSFWorkbook() : new XSSFWorkbook()) {
            FormulaEvaluator evaluator = source.getCreationHelper().createFormulaEvaluator();
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (int s = 0; s < source.getNumberOfSheets(); s++) {
                Sheet sheet = source.getSheetAt(s);
                boolean hidden = source.isSheetHidden(s) || source.isSheetVeryHidden(s);
                if (hidden) {
                    ruleTableCell(sheet).ifPresent(cell -> problems.add(new RuleProblem(file, "sheet '" + sheet.getSheetName()
                            + "', cell " + cell.getAddress(), "the sheet is hidden and holds a RuleTable, which would never be"
                                    + " seen and might still pay: unhide it to use it, or delete the sheet")));
                    continue;
                }
                Sheet target = copy.createSheet(sheet.getSheetName());
                Set<CellAddress> numeric = numberCells(sheet);
                for (Row row : sheet) {
                    Row targetRow = target.createRow(row.getRowNum());
                    for (Cell cell : row) {
                        String where = "sheet '" + sheet.getSheetName() + "', cell " + cell.getAddress();
                        String value;
                        try {
                            value = shown(cell, evaluator, formatter);
                        } catch (CellProblem e) {
                            problems.add(new RuleProblem(file, where, e.getMessage()));
                            continue;
                        }
                        if (value == null) {
                            continue;
                        }
                        if (numeric.contains(cell.getAddress()) && !value.isBlank() && number(value) == null) {
                            problems.add(new RuleProblem(file, where, "'" + value + "' is not a number (the rule reads it as one;"
                                    + " type a number such as 0.3 or 30 %)"));
                        }
                        targetRow.createCell(cell.getColumnIndex(), CellType.STRING).setCellValue(value);
                    }
                }
                for (CellRangeAddress merged : sheet.getMergedRegions()) {
                    target.addMergedRegion(merged);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.write(out);
            return new Result(out.toByteArray(), problems);
        } catch (IOException | RuntimeException e) {
            return new Result(null, List.of(new RuleProblem(file, null, "cannot read the workbook: " + e.getMessage())));
        }
    }

    /** The value the office program shows, as text a rule can read; null for an empty cell. */
    static String shown(Cell cell, FormulaEvaluator evaluator, DataFormatter formatter) throws CellProblem {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            CellValue result;
            try {
                result = evaluator.evaluate(cell);
            } catch (RuntimeException notEvaluable) {
                // a function POI does not know: the office program's own result, saved with the file
                result = cached(cell);
            }
            if (result == null) {
                return null;
            }
            return switch (result.getCellType()) {
                case NUMERIC -> numberShown(cell, result.getNumberValue(), formatter);
                case STRING -> text(result.getStringValue());
                case BOOLEAN -> String.valueOf(result.getBooleanValue()).toUpperCase(Locale.ROOT);
                case ERROR -> throw new CellProblem("the formula " + cell.getCellFormula() + " gives the error "
                        + FormulaError.forInt(result.getErrorValue()).getString());
                default -> null;
            };
        }
        return switch (type) {
            case NUMERIC -> numberShown(cell, cell.getNumericCellValue(), formatter);
            case STRING -> text(cell.getStringCellValue());
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
            case ERROR -> throw new CellProblem("the cell shows the error " + FormulaError.forInt(cell.getErrorCellValue()).getString());
            default -> null;
        };
    }

    private static CellValue cached(Cell cell) throws CellProblem {
        return switch (cell.getCachedFormulaResultType()) {
            case NUMERIC -> new CellValue(cell.getNumericCellValue());
            case STRING -> new CellValue(cell.getStringCellValue());
            case BOOLEAN -> CellValue.valueOf(cell.getBooleanCellValue());
            case ERROR -> CellValue.getError(cell.getErrorCellValue());
            default -> throw new CellProblem("the formula " + cell.getCellFormula() + " cannot be evaluated and has no saved result");
        };
    }

    /**
     * A number as its format shows it: {@code 100 %} is 1, {@code 0.30} is 0.3, a General 0.30000000000000004 is 0.3.
     * Dates stay as shown.
     */
    private static String numberShown(Cell cell, double value, DataFormatter formatter) {
        if (DateUtil.isCellDateFormatted(cell)) {
            return formatter.formatRawCellContents(value, cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString());
        }
        String shown = formatter.formatRawCellContents(value, cell.getCellStyle().getDataFormat(),
                cell.getCellStyle().getDataFormatString());
        BigDecimal parsed = number(shown);
        if (parsed == null) {
            // a format that shows no number (e.g. only text): the value itself, to the precision a spreadsheet keeps
            parsed = new BigDecimal(Double.toString(value));
        }
        return plain(parsed);
    }

    /** Text typed into a cell: "30 %" is the percentage the analyst meant; anything else unchanged. */
    private static String text(String value) {
        Matcher percent = TEXT_PERCENT.matcher(value.strip());
        return percent.matches() ? plain(new BigDecimal(percent.group(1).replace(',', '.')).movePointLeft(2)) : value;
    }

    /** A shown number (grouping, currency sign, percent, exponent allowed), or null when the text is not one. */
    static BigDecimal number(String shown) {
        String s = shown.strip().replace("\u00A0", "").replace("\u202F", "").replace(" ", "").replace(",", "");
        s = s.replaceAll("^[€$£¥]|[€$£¥]$", "");
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1);
        }
        if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        BigDecimal value = new BigDecimal(s);
        return percent ? value.movePointLeft(2) : value;
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static java.util.Optional<Cell> ruleTableCell(Sheet sheet) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip().startsWith("RuleTable")) {
                    return java.util.Optional.of(cell);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The data cells a rule reads as numbers: below a RuleTable's code row, in a column whose code is
     * {@code new BigDecimal("$param")} or compares {@code $param}, down to the table's first empty row.
     */
    private static Set<CellAddress> numberCells(Sheet sheet) {
        Set<CellAddress> cells = new HashSet<>();
        for (Row row : sheet) {
            Cell first = null;
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().strip().startsWith("RuleTable")) {
                    first = cell;
                }
            }
            if (first == null) {
                continue;
            }
            int keywords = row.getRowNum() + 1;
            int code = keywords + 2;
            Row codeRow = sheet.getRow(code);
            if (codeRow == null) {
                continue;
            }
            Set<Integer> numberColumns = new HashSet<>();
            for (Cell cell : codeRow) {
                if (cell.getCellType() == CellType.STRING && NUMBER_TEMPLATE.matcher(cell.getStringCellValue()).find()) {
                    numberColumns.add(cell.getColumnIndex());
                }
            }
            for (int r = code + 2; r <= sheet.getLastRowNum(); r++) {
                Row data = sheet.getRow(r);
                if (data == null || isEmpty(data)) {
                    break;
                }
                for (int c : numberColumns) {
                    cells.add(new CellAddress(r, c));
                }
            }
        }
        return cells;
    }

    private static boolean isEmpty(Row row) {
        for (Cell cell : row) {
            if (cell.getCellType() != CellType.BLANK && !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) {
                return false;
            }
        }
        return true;
    }

    /** A cell that cannot give a value (an error, a formula without a result). */
    static final class CellProblem extends Exception {
        CellProblem(String message) {
            super(message, null, false, false);
        }
    }
}
