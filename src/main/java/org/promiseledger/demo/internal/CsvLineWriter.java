package org.promiseledger.demo.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file written straight into a byte buffer, for files of millions of rows: Commons CSV's per-value work
 * would dominate the reference workload's run time. Nothing the reference workload writes needs RFC 4180
 * quoting, so no value is ever quoted; {@link #text} refuses a value that would need it rather than writing a
 * broken file. UTF-8, "\n" line ends, header first.
 *
 * <p>The buffer is only ever flushed between rows, so the row just ended is still in it: {@link #takeBack} can
 * take it back as fields, for the rare row that is spoiled on purpose after being generated like any other.
 */
final class CsvLineWriter implements Closeable {

    /** Every row is far shorter; a row is never split across a flush. */
    private static final int LONGEST_ROW = 8 * 1024;

    private final OutputStream out;
    private final byte[] buffer = new byte[256 * 1024];
    private int position;
    private int rowStart = -1;
    private int lastRowStart = -1;
    private boolean firstField;
    private long rows;

    CsvLineWriter(Path file, List<String> header) throws IOException {
        this.out = Files.newOutputStream(file);
        row(header.toArray(String[]::new));
        rows = 0;
        lastRowStart = -1;
    }

    /** Data rows written so far, the header not counted. */
    long rows() {
        return rows;
    }

    CsvLineWriter begin() throws IOException {
        if (buffer.length - position < LONGEST_ROW) {
            flush();
        }
        rowStart = position;
        firstField = true;
        return this;
    }

    void end() {
        if (rowStart < 0) {
            throw new IllegalStateException("end() without begin()");
        }
        if (position - rowStart > LONGEST_ROW - 1) {
            throw new IllegalStateException("a row longer than " + LONGEST_ROW + " bytes");
        }
        buffer[position++] = '\n';
        lastRowStart = rowStart;
        rowStart = -1;
        rows++;
    }

    /** A whole row of plain values. */
    void row(String... fields) throws IOException {
        begin();
        for (String field : fields) {
            text(field);
        }
        end();
    }

    /** The fields of the row just ended. */
    String[] lastRow() {
        if (lastRowStart < 0) {
            throw new IllegalStateException("no row just ended");
        }
        return new String(buffer, lastRowStart, position - 1 - lastRowStart, StandardCharsets.UTF_8).split(",", -1);
    }

    /** Removes the row just ended from the file and returns its fields. */
    String[] takeBack() {
        String[] fields = lastRow();
        position = lastRowStart;
        lastRowStart = -1;
        rows--;
        return fields;
    }

    /** A value written as is; one that RFC 4180 would have to quote is refused. */
    CsvLineWriter text(String value) {
        separate();
        boolean ascii = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                throw new IllegalArgumentException("a value that needs quoting: " + value);
            }
            ascii &= c < 0x80;
        }
        if (ascii) {
            for (int i = 0; i < value.length(); i++) {
                buffer[position++] = (byte) value.charAt(i);
            }
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            System.arraycopy(utf8, 0, buffer, position, utf8.length);
            position += utf8.length;
        }
        return this;
    }

    /** An empty field. */
    CsvLineWriter empty() {
        separate();
        return this;
    }

    /** ASCII bytes, e.g. a prepared timestamp. */
    CsvLineWriter ascii(byte[] bytes, int length) {
        separate();
        System.arraycopy(bytes, 0, buffer, position, length);
        position += length;
        return this;
    }

    /** An id: the prefix, then the number zero-padded to width digits. */
    CsvLineWriter id(byte[] prefix, long number, int width) {
        separate();
        System.arraycopy(prefix, 0, buffer, position, prefix.length);
        position += prefix.length;
        digits(number, width);
        return this;
    }

    CsvLineWriter number(long value) {
        separate();
        if (value < 0) {
            buffer[position++] = '-';
            value = -value;
        }
        digits(value, 1);
        return this;
    }

    /** A non-negative decimal with the given number of places, from its value in units of the last place. */
    CsvLineWriter decimal(long units, int places) {
        separate();
        long power = 1;
        for (int i = 0; i < places; i++) {
            power *= 10;
        }
        digits(units / power, 1);
        if (places > 0) {
            buffer[position++] = '.';
            digits(units % power, places);
        }
        return this;
    }

    CsvLineWriter flag(boolean value) {
        separate();
        if (value) {
            buffer[position++] = 't';
            buffer[position++] = 'r';
            buffer[position++] = 'u';
            buffer[position++] = 'e';
        } else {
            buffer[position++] = 'f';
            buffer[position++] = 'a';
            buffer[position++] = 'l';
            buffer[position++] = 's';
            buffer[position++] = 'e';
        }
        return this;
    }

    /** Flushes and closes; a row begun but never ended (its writing failed) is left out rather than written half. */
    @Override
    public void close() throws IOException {
        if (rowStart >= 0) {
            position = rowStart;
            rowStart = -1;
        }
        try (out) {
            flush();
        }
    }

    private void separate() {
        if (rowStart < 0) {
            throw new IllegalStateException("a field outside a row");
        }
        if (firstField) {
            firstField = false;
        } else {
            buffer[position++] = ',';
        }
    }

    /** value in decimal, left-padded with zeros to at least width digits. */
    private void digits(long value, int width) {
        int length = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            length++;
        }
        length = Math.max(length, width);
        int end = position + length;
        for (int i = end - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position = end;
    }

    private void flush() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
        lastRowStart = -1;
    }
}
