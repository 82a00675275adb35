package org.promiseledger.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/** A copy of the shipped rules folder that a test may change, as an analyst would in an office program. */
public final class RulesCopy {

    private RulesCopy() {
    }

    public static Path of(Path target) throws IOException {
        return copyTree(Path.of("rules"), target);
    }

    /** A copy of a folder and everything below it at {@code to}, which must not exist yet. */
    public static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return to;
    }

    /** Types a value into one cell (e.g. "F10") of the first sheet of a decision table. */
    public static void setCell(Path workbookFile, String cellRef, String value) throws IOException {
        Workbook workbook;
        try (InputStream in = Files.newInputStream(workbookFile)) {
            workbook = WorkbookFactory.create(in);
        }
        CellReference ref = new CellReference(cellRef);
        Sheet sheet = workbook.getSheetAt(0);
        Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
        Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
        cell.setCellValue(value);
        try (OutputStream out = Files.newOutputStream(workbookFile)) {
            workbook.write(out);
        }
        workbook.close();
    }
}
