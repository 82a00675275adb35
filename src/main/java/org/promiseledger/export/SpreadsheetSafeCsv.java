package org.promiseledger.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer behind every file the product writes for people (exports, payroll, simulation diffs, web
 * downloads). HR opens these in a spreadsheet program, which runs a cell starting with {@code = + - @}, a tab or a
 * carriage return as a formula; such a text cell is written with a leading {@code '} (OWASP's advice on CSV
 * injection). Numbers are passed as {@link Number}s and written plain, so {@code -759.98} stays a number. Only the
 * file changes: the stored value is never touched.
 */
public final class SpreadsheetSafeCsv implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final CSVPrinter printer;

    private SpreadsheetSafeCsv(Writer writer) throws IOException {
        this.printer = new CSVPrinter(writer, FORMAT);
    }

    /** Opens {@code out} (creating its folder) and writes the header row. */
    public static SpreadsheetSafeCsv create(Path out, String... header) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
        csv.row((Object[]) header);
        return csv;
    }

    /** Writes to {@code writer} (closed with this), starting with the header row. */
    public static SpreadsheetSafeCsv on(Writer writer, String... header) throws IOException {
        SpreadsheetSafeCsv csv = new SpreadsheetSafeCsv(writer);
        csv.row((Object[]) header);
        return csv;
    }

    /** One record: a {@link Number} as a plain number, anything else as text made safe, null as an empty cell. */
    public void row(Object... cells) throws IOException {
        List<String> safe = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            safe.add(cell(cell));
        }
        printer.printRecord(safe);
    }

    /** The text a cell is written as. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return text(value.toString());
    }

    /** A text cell that a spreadsheet would read as a formula gets a leading apostrophe; other text is unchanged. */
    public static String text(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
