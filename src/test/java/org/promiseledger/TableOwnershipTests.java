package org.promiseledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * One owner per table: only the feature package that owns a table names it in SQL; every other feature asks the
 * owner's small read API (runs' {@code RunRegistry}, ingest's {@code StagedWorkforce}, ...). The tables come from the
 * Liquibase changelogs, so a new table without an owner here fails the build; the SQL comes from the string literals
 * (text blocks too) of src/main/java, so a feature that reaches into another's table fails it with the file and line.
 */
class TableOwnershipTests {

    private static final Path CHANGELOGS = Path.of("src/main/resources/db/changelog");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String BASE = "org/promiseledger/";

    /** Table -> the feature package (first package under org.promiseledger) that owns it. */
    static final Map<String, String> OWNER = owners(
            "runs", List.of("quarterly_run", "run_state", "period_lock", "scoring_partition", "aggregation_partition"),
            "ledger", List.of("payout", "payout_line", "rule_trail", "payout_decision", "adjustment", "audit_log"),
            "rules", List.of("rule_set_file"),
            "ingest", List.of("in_department", "in_employee", "in_touchpoint", "in_target", "in_customer", "in_survey",
                    "in_contact", "in_complaint", "in_churn", "in_internal_survey", "in_performance", "input_file_count", "input_tally",
                    "input_reject"),
            "metrics", List.of("scope_touchpoint", "department_metrics", "mot_check", "metric_count"),
            "scoring", List.of("metric_attainment", "cx_index"),
            "integrity", List.of("integrity_signal", "integrity_respondent", "integrity_review", "integrity_exclusion",
                    "integrity_respondent_count", "integrity_respondent_counted"),
            "operate", List.of("input_upload"),
            "web", List.of("app_user", "scorecard_query", "login_attempt", "activation_link", "pay_view"),
            "api", List.of("api_token", "api_token_use"));

    /**
     * Deliberate, lasting exceptions, one source file and table each: set-based reads of ingest's staged rows, where
     * the database does the counting over millions of rows (docs/semantics.md, "Scale": aggregation is pushed to the
     * database). Going through a Java API would pull every row of a quarter through the JVM. They only read; ingest
     * alone writes and clears those tables. Metrics' aggregation reads the staged events once for distinct customers
     * (its per-touchpoint counts come from ingest's tallies); integrity's per-customer counts are fed by that read,
     * or by the same read through metrics' CustomerPassReads.
     */
    static final Set<String> SET_BASED_READS = Set.of(
            "metrics/MetricAggregator.java in_survey",
            "metrics/MetricAggregator.java in_contact",
            "metrics/MetricAggregator.java in_complaint",
            "metrics/MetricAggregator.java in_churn",
            "metrics/MetricAggregator.java in_customer",
            "metrics/MetricAggregator.java in_internal_survey");

    /** FROM x, JOIN x, INTO x, UPDATE x, DELETE FROM x, LOAD DATA ... INTO TABLE x (optionally `quoted`). */
    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(?:FROM|JOIN|INTO(?:\\s+TABLE)?|UPDATE|TABLE)\\s+`?([A-Za-z_][A-Za-z0-9_]*)`?", Pattern.CASE_INSENSITIVE);

    private static final Pattern CREATED_TABLE = Pattern.compile(
            "createTable:\\s*\\n\\s*tableName:\\s*([A-Za-z_][A-Za-z0-9_]*)|CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    /** A table named in SQL at a line of a source file. */
    record Reference(String table, int line) {
    }

    @Test
    void everyTableOfTheSchemaHasAnOwner() {
        Set<String> unowned = new TreeSet<>(schemaTables());
        unowned.removeAll(OWNER.keySet());
        assertThat(unowned).as("tables created in %s without an owner in TableOwnershipTests.OWNER", CHANGELOGS).isEmpty();
    }

    @Test
    void onlyTheOwningFeatureNamesATableInSql() throws IOException {
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                crossings.addAll(crossings(file, feature(file), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assertThat(crossings).as("SQL naming another feature's table; ask the owner's API instead").isEmpty();
    }

    @Test
    void everyListedSetBasedReadStillExists() throws IOException {
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (Reference r : references(Files.readString(file, StandardCharsets.UTF_8))) {
                    seen.add(relative(file) + " " + r.table());
                }
            }
        }
        Set<String> stale = new TreeSet<>(SET_BASED_READS);
        stale.removeAll(seen);
        assertThat(stale).as("SET_BASED_READS entries that no longer read the table (or whose file moved): remove them").isEmpty();
    }

    @Test
    void scannerFindsTablesInLiteralsAndTextBlocksButNotInComments() {
        String source = """
                class Sample {
                    // SELECT * FROM payout in a comment is no SQL
                    String a = "SELECT run_id FROM quarterly_run WHERE period = ?";
                    /* DELETE FROM run_state */
                    String b = \"""
                            SELECT s.state
                            FROM run_state s JOIN in_employee e ON e.run_id = s.run_id\""";
                    String c = "LOAD DATA LOCAL INFILE ? INTO TABLE in_survey";
                    String d = "UPDATE integrity_review SET x = 1" + " and DELETE FROM audit_log";
                    String e = "a word from nowhere";
                }
                """;

        assertThat(references(source)).containsExactly(new Reference("quarterly_run", 3), new Reference("run_state", 7),
                new Reference("in_employee", 7), new Reference("in_survey", 8), new Reference("integrity_review", 9),
                new Reference("audit_log", 9));
    }

    @Test
    void aNewTableInAChangelogIsFoundSoItNeedsAnOwner() {
        String changelog = """
                databaseChangeLog:
                  - changeSet:
                      changes:
                        - createTable:
                            tableName: bonus_pool
                        - sql:
                            sql: CREATE TABLE IF NOT EXISTS payout_hold (id BIGINT)
                        - addColumn:
                            tableName: payout
                """;

        assertThat(tablesCreatedIn(changelog)).containsExactly("bonus_pool", "payout_hold");
        assertThat(OWNER).doesNotContainKeys("bonus_pool", "payout_hold");
    }

    @Test
    void aFeatureReadingAnotherFeaturesTableIsNamedWithFileAndLine() {
        String source = "class X {\n  String sql = \"SELECT * FROM in_employee\";\n  String own = \"SELECT * FROM app_user\";\n}\n";

        assertThat(crossings(Path.of("src/main/java/org/promiseledger/web/X.java"), "web", source))
                .containsExactly("src/main/java/org/promiseledger/web/X.java:2 web names in_employee, owned by ingest");
    }

    /** The violations of one source file, as "path:line feature names table, owned by owner". */
    static List<String> crossings(Path file, String feature, String source) {
        List<String> found = new ArrayList<>();
        for (Reference r : references(source)) {
            String owner = OWNER.get(r.table());
            if (owner != null && !owner.equals(feature) && !SET_BASED_READS.contains(relative(file) + " " + r.table())) {
                found.add(file + ":" + r.line() + " " + feature + " names " + r.table() + ", owned by " + owner);
            }
        }
        return found;
    }

    /** Every known table named in SQL within the string literals of a Java source, with the line it is on. */
    static List<Reference> references(String source) {
        List<Reference> found = new ArrayList<>();
        StringBuilder literals = new StringBuilder();
        List<Integer> lineAt = new ArrayList<>(); // the source line of each character of literals
        int line = 1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != '\'') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                i = end + 1;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 3);
                }
                end = end < 0 ? source.length() : end;
                for (int k = i + 3; k < end; k++) {
                    if (source.charAt(k) == '\n') {
                        line++;
                    }
                    literals.append(source.charAt(k));
                    lineAt.add(line);
                }
                literals.append(' ');
                lineAt.add(line);
                i = end + 3;
            } else if (c == '"') {
                int k = i + 1;
                while (k < source.length() && source.charAt(k) != '"' && source.charAt(k) != '\n') {
                    if (source.charAt(k) == '\\') {
                        k++;
                    }
                    if (k < source.length()) {
                        literals.append(source.charAt(k));
                        lineAt.add(line);
                    }
                    k++;
                }
                // adjacent literals joined by + read as one statement: "... FROM" + " quarterly_run"
                literals.append(' ');
                lineAt.add(line);
                i = k + 1;
            } else {
                i++;
            }
        }
        Matcher m = TABLE_REFERENCE.matcher(literals);
        while (m.find()) {
            String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (OWNER.containsKey(table)) {
                found.add(new Reference(table, lineAt.get(m.start(1))));
            }
        }
        return found;
    }

    private static int count(String text, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            if (text.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The file's path below org/promiseledger/, with forward slashes. */
    static String relative(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.substring(path.indexOf(BASE) + BASE.length());
    }

    /** The feature package a source file belongs to: the first package under org.promiseledger, "" at the root. */
    static String feature(Path file) {
        String rest = relative(file);
        return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : "";
    }

    static Set<String> schemaTables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(CHANGELOGS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".sql")).toList()) {
                tables.addAll(tablesCreatedIn(Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(tables).as("tables found in %s", CHANGELOGS).contains("quarterly_run", "payout");
        return tables;
    }

    /** The tables a changelog creates, by Liquibase's createTable or by SQL. */
    static Set<String> tablesCreatedIn(String changelog) {
        Set<String> tables = new TreeSet<>();
        Matcher m = CREATED_TABLE.matcher(changelog);
        while (m.find()) {
            tables.add((m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(java.util.Locale.ROOT));
        }
        return tables;
    }

    private static Map<String, String> owners(Object... featureAndTables) {
        Map<String, String> owners = new TreeMap<>();
        for (int k = 0; k < featureAndTables.length; k += 2) {
            for (Object table : (List<?>) featureAndTables[k + 1]) {
                owners.put((String) table, (String) featureAndTables[k]);
            }
        }
        return owners;
    }
}
