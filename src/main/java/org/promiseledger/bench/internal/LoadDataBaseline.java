package org.promiseledger.bench.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The fastest the database itself loads the same event files: LOAD DATA LOCAL INFILE into scratch tables of text
 * columns, no validation at all. Our ingest is measured against it.
 */
public final class LoadDataBaseline {

    private final String url;
    private final String user;
    private final String password;

    public LoadDataBaseline(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Seconds to load the files; each into its own scratch table, dropped afterwards. */
    public double secondsToLoad(Path dataDir, List<String> fileNames, List<Integer> columnCounts) throws SQLException, IOException {
        long started = System.nanoTime();
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user == null ? "" : user);
        properties.setProperty("password", password == null ? "" : password);
        // the server may ask for local files only inside the workload's folder
        properties.setProperty("allowLoadLocalInfileInPath", dataDir.toAbsolutePath().toString());
        try (Connection connection = DriverManager.getConnection(url, properties); Statement sql = connection.createStatement()) {
            for (int i = 0; i < fileNames.size(); i++) {
                String table = "bench_load_" + fileNames.get(i).replace(".csv", "");
                StringBuilder columns = new StringBuilder();
                for (int c = 1; c <= columnCounts.get(i); c++) {
                    columns.append(c == 1 ? "" : ", ").append("c").append(c).append(" VARCHAR(100)");
                }
                sql.execute("DROP TABLE IF EXISTS " + table);
                sql.execute("CREATE TABLE " + table + " (" + columns + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
                String path = dataDir.resolve(fileNames.get(i)).toAbsolutePath().toString().replace("\\", "\\\\").replace("'", "\\'");
                sql.execute("LOAD DATA LOCAL INFILE '" + path + "' INTO TABLE " + table
                        + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"'"
                        + " LINES TERMINATED BY '\\n' IGNORE 1 LINES");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            for (String file : fileNames) {
                sql.execute("DROP TABLE IF EXISTS bench_load_" + file.replace(".csv", ""));
            }
            return seconds;
        }
    }
}
