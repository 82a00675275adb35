package org.promiseledger.kernel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * LOAD DATA LOCAL INFILE, MySQL's bulk path, for the few places that write hundreds of thousands of rows (staged
 * input, the ledger). Binding every value of a batched INSERT in the driver cost more than everything else those
 * steps do. Rows are written as tab-separated text into one private folder, the only folder the server may ask
 * this process's connections to read ({@code allowLoadLocalInfileInPath}, set by {@link MySqlConnectionDefaults}).
 * Available on MySQL/MariaDB with {@code local_infile=ON}; elsewhere callers use batched INSERTs.
 */
@Component
public class LoadData {

    private static final Logger LOG = LoggerFactory.getLogger(LoadData.class);
    private static final DateTimeFormatter UTC_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static Path folder;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private Boolean available;

    LoadData(DataSource dataSource, JdbcTemplate jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** The private folder LOAD DATA files are written to, created once per process, readable by its owner only. */
    public static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("promise-ledger-load-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                try {
                    folder = Files.createTempDirectory("promise-ledger-load-");
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            folder.toFile().deleteOnExit();
        }
        return folder;
    }

    public synchronized boolean available() {
        if (available == null) {
            available = dataSource instanceof HikariDataSource && Databases.isMySql(dataSource) && localInfileOn();
        }
        return available;
    }

    private boolean localInfileOn() {
        Integer on = jdbc.queryForObject("SELECT @@local_infile", Integer.class);
        if (on == null || on == 0) {
            LOG.warn("the server has local_infile=OFF: rows are written with batched INSERTs, several times slower"
                    + " (SET GLOBAL local_infile = 1 lets Promise Ledger use LOAD DATA LOCAL INFILE)");
            return false;
        }
        return true;
    }

    /** Writes the rows to a file in {@link #folder()}, one line each, in LOAD DATA's default text format. */
    public static Path write(String name, List<Object[]> rows) {
        Path file = folder().resolve(name + "-" + Thread.currentThread().getId() + "-" + System.nanoTime() + ".tsv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            for (Object[] row : rows) {
                line.setLength(0);
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        line.append('\t');
                    }
                    appendField(line, row[i]);
                }
                out.append(line).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Loads the file into the table's columns on the statement's connection (so inside its transaction) and deletes
     * it. LOCAL makes the server turn data errors into warnings, so any warning fails the load: a row that did not
     * land exactly as written is never accepted silently.
     */
    public static void load(Statement statement, Path file, String table, List<String> columns) throws SQLException {
        try {
            statement.execute("LOAD DATA LOCAL INFILE '" + file.toString().replace("\\", "\\\\").replace("'", "\\'")
                    + "' INTO TABLE " + table + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'"
                    + " LINES TERMINATED BY '\\n' (" + String.join(", ", columns) + ")");
            SQLWarning warning = statement.getWarnings();
            if (warning != null) {
                throw new SQLException("loading " + table + ": " + warning.getMessage());
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a file in a temporary folder
            }
        }
    }

    /** The last timestamp formatted, per thread: a run stamps every ledger row with the same instant. */
    private static final ThreadLocal<Object[]> LAST_TIMESTAMP = ThreadLocal.withInitial(() -> new Object[2]);

    private static String utc(Timestamp at) {
        Object[] last = LAST_TIMESTAMP.get();
        if (!at.equals(last[0])) {
            last[0] = at.clone(); // a Timestamp can be changed in place
            last[1] = UTC_TIMESTAMP.format(at.toInstant());
        }
        return (String) last[1];
    }

    /** One value in LOAD DATA's default text format: \N for NULL, backslash escapes, flags as 1/0, UTC timestamps. */
    public static void appendField(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        String text = value instanceof Boolean flag ? (flag ? "1" : "0")
                : value instanceof BigDecimal number ? number.toPlainString()
                : value instanceof Timestamp at ? utc(at)
                : value.toString();
        // most values need no escape: find the first character that does and copy everything before it at once
        int plain = 0;
        while (plain < text.length() && !needsEscape(text.charAt(plain))) {
            plain++;
        }
        out.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
    }

    private static boolean needsEscape(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
    }
}
