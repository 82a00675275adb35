package org.promiseledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One owner per table: only the owning feature's classes name its tables in SQL; every other feature reads them
 * through the owner's read API (metrics/DepartmentMetricStore and MetricCountStore, scoring/ScopeResultStore).
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/org/promiseledger");

    /** Table → the package (under org.promiseledger) that alone may name it after FROM, JOIN, INTO or UPDATE. */
    private static final Map<String, String> OWNERS = Map.of(
            "department_metrics", "metrics",
            "mot_check", "metrics",
            "scope_touchpoint", "metrics",
            "metric_count", "metrics",
            "metric_attainment", "scoring",
            "cx_index", "scoring");

    @Test
    void onlyTheOwningFeatureWritesOrQueriesMetricAndResultTables() throws IOException {
        Pattern sql = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+(" + String.join("|", OWNERS.keySet()) + ")\\b",
                Pattern.CASE_INSENSITIVE);
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String feature = SOURCES.relativize(file).getName(0).toString();
                Matcher m = sql.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    if (!OWNERS.get(table).equals(feature)) {
                        trespasses.add(SOURCES.relativize(file) + " names " + table + " (owned by " + OWNERS.get(table) + "/)");
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }
}
