package org.promiseledger.identity;

/** Spreadsheet-safe text cells (OWASP, CSV injection): a cell that a spreadsheet would read as a formula gets a leading '. */
final class CsvCells {

    private CsvCells() {
    }

    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
