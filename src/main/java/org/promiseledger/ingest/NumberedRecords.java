package org.promiseledger.ingest;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.promiseledger.ingest.internal.Utf8Check;
import org.promiseledger.kernel.BadInputException;

/**
 * Streams an RFC 4180 file record by record, with each record's first physical line (the header is line 1),
 * skipping blank lines. Empty lines are kept by the parser so that line numbers stay exact; we skip them here.
 */
final class NumberedRecords implements Iterator<NumberedRecords.Numbered>, Closeable {

    record Numbered(long line, CSVRecord record) {
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long linesConsumed;
    private Numbered next;

    NumberedRecords(Path file) throws IOException {
        this.file = file;
        try {
            Reader reader = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
            this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (CharacterCodingException notUtf8) {
            // the reader fills its buffer on the first read, so a bad byte anywhere in the first 8k characters lands here
            throw notUtf8();
        }
        this.records = parser.iterator();
        Numbered first = advance();
        this.header = first == null ? List.of() : first.record().toList().stream().map(String::trim).toList();
    }

    /** The header's column names, trimmed; empty for an empty file. */
    List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public Numbered next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Numbered current = next;
        next = null;
        return current;
    }

    private Numbered advance() {
        try {
            while (records.hasNext()) {
                long start = linesConsumed + 1;
                CSVRecord record = records.next();
                linesConsumed = parser.getCurrentLineNumber();
                if (!(record.size() == 1 && record.get(0).isBlank())) {
                    return new Numbered(start, record);
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException broken) {
            // Broken quoting or bytes that are not UTF-8 leave no record boundary to resume from: the file itself is bad.
            Throwable cause = broken.getCause() == null ? broken : broken.getCause();
            if (cause instanceof CharacterCodingException) {
                throw notUtf8();
            }
            throw new BadInputException(List.of(file.getFileName() + ", line " + (linesConsumed + 1)
                    + ": the CSV structure is broken (" + cause.getMessage() + "); check the quotes on this record"));
        }
    }

    /**
     * The decoder reads ahead of the parser, so the parser's line says nothing about where the bad byte is: the raw
     * bytes are scanned again to name its exact line.
     */
    private BadInputException notUtf8() {
        String where;
        try {
            where = Utf8Check.firstBadByte(file).map(Utf8Check.BadByte::describe).orElse("somewhere");
        } catch (IOException unreadable) {
            where = "somewhere";
        }
        return new BadInputException(List.of(file.getFileName() + ", " + where
                + ": the file is not UTF-8 text (save it as CSV UTF-8)"));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Spreadsheet programs often save CSV with a UTF-8 byte-order mark; it is not part of the first column's name. */
    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
