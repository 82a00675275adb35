package org.promiseledger.ingest;

import java.util.Set;

/**
 * The ids a referenced file lists (its first column), whatever became of their rows, and those whose row may cover
 * the quarter (for employees.csv, a row whose valid_from..valid_to meets it; for any other file, all of them).
 */
record ListedIds(Set<String> all, Set<String> inQuarter) {
}
