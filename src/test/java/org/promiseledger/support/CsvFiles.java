package org.promiseledger.support;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads CSV files in tests, keeping only the columns that are compared. */
public final class CsvFiles {

    private CsvFiles() {
    }

    /** Each data row as "a,b,c" over the given columns (all columns when none given), header excluded. */
    public static List<String> rows(Path file, String... columns) throws IOException {
        try (Reader reader = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            List<String> names = columns.length == 0 ? parser.getHeaderNames() : List.of(columns);
            return parser.getRecords().stream().map(r -> line(r, names)).toList();
        }
    }

    /** Each data row as a map from column name to value, header excluded. */
    public static List<java.util.Map<String, String>> records(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file);
                CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords().stream().map(CSVRecord::toMap).toList();
        }
    }

    private static String line(CSVRecord record, List<String> names) {
        return String.join(",", names.stream().map(record::get).toList());
    }
}
