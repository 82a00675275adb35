package org.promiseledger.workbench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.promiseledger.rules.RuleSetFolder;

/**
 * Finds where a rule is written, by its name: a row of a decision table (sheet and cell) or a line of a DRL file, so
 * a problem found by running the plan can be reported where the analyst will fix it.
 */
public final class RuleLocator {

    /** Where a rule is written: the file relative to the rules folder and the place in it. */
    public record Place(String file, String place) {
    }

    private final Map<String, Place> byRuleName = new HashMap<>();
    private final Map<String, Place> byText = new HashMap<>();

    /** Indexes every DRL file and decision table of the rules folder; an unreadable file is skipped (the compiler reports it). */
    public RuleLocator(Path rulesDir) {
        for (Map.Entry<String, Path> file : new RuleSetFolder(rulesDir).versionedFiles().entrySet()) {
            String name = file.getKey().toLowerCase(java.util.Locale.ROOT);
            try {
                if (name.endsWith(".drl")) {
                    indexDrl(file.getKey(), Files.readAllLines(file.getValue(), StandardCharsets.UTF_8));
                } else if (name.endsWith(".drl.xlsx") || name.endsWith(".drl.xls")) {
                    indexWorkbook(file.getKey(), file.getValue());
                }
            } catch (IOException | RuntimeException unreadable) {
                // a file that cannot be read is already reported by the compiler
            }
        }
    }

    /** Where the rule of this name is written, or null if no file of the folder defines it. */
    public Place ofRule(String ruleName) {
        return byRuleName.get(ruleName);
    }

    /** The first decision-table cell that contains the text (e.g. a metric code inside an action template), or null. */
    public Place ofText(String text) {
        return byText.entrySet().stream().filter(e -> e.getKey().contains(text)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private void indexDrl(String file, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.startsWith("rule \"")) {
                int end = line.indexOf('"', 6);
                if (end > 6) {
                    byRuleName.putIfAbsent(line.substring(6, end), new Place(file, "line " + (i + 1)));
                }
            }
        }
    }

    private void indexWorkbook(String file, Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path); Workbook workbook = WorkbookFactory.create(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            String text = cell.getStringCellValue().trim();
                            Place place = new Place(file, "sheet '" + sheet.getSheetName() + "', cell "
                                    + new CellReference(row.getRowNum(), cell.getColumnIndex()).formatAsString(false));
                            byRuleName.putIfAbsent(text, place);
                            byText.putIfAbsent(text, place);
                        }
                    }
                }
            }
        }
    }
}
