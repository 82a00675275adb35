package org.promiseledger.ingest;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.kernel.Databases;
import org.promiseledger.kernel.LoadData;
import org.promiseledger.metrics.EventTallies;
import org.promiseledger.metrics.ValueTally;
import org.promiseledger.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.stereotype.Repository;

/**
 * The per-touchpoint tallies ingest counted while validating the events files (input_tally, see {@link InputTally}).
 * A tally is saved with the file's counts at the end of its ingest step, so it is exactly the staged rows; a
 * restarted step clears it with the rejects ({@link StagingStore#clearRejects}) and counts again. A run staged before tallies existed, or whose company
 * zone changed since its files were ingested, has its tally rebuilt here from its staged rows, by the same counting
 * code, in one streamed read.
 */
@Repository
public class StagedTallies implements EventTallies {

    /** The row holding the zone a file's days were counted in: no touchpoint, this column, the zone id as value. */
    static final String ZONE_COLUMN = "zone";
    private static final String TOTAL_COLUMN = "*";
    private static final List<String> COLUMNS = List.of("run_id", "file_name", "touchpoint_id", "column_name", "column_value",
            "row_count");

    private final JdbcTemplate jdbc;
    private final BatchSettings settings;
    private final LoadData loadData;
    /** Connector/J streams a result row by row only with fetch size MIN_VALUE; H2 pages large results itself. */
    private final boolean mySql;

    StagedTallies(JdbcTemplate jdbc, DataSource dataSource, BatchSettings settings, LoadData loadData) {
        this.jdbc = jdbc;
        this.loadData = loadData;
        this.settings = settings;
        this.mySql = Databases.isMySql(dataSource);
    }

    @Override
    public Map<String, ValueTally> of(long runId, Period period, Events events) {
        InputFile file = fileOf(events);
        ZoneId zone = settings.zone();
        Map<String, ValueTally> stored = new HashMap<>();
        String[] storedZone = {null};
        jdbc.query("SELECT touchpoint_id, column_name, column_value, row_count FROM input_tally WHERE run_id = ? AND file_name = ?",
                rs -> {
                    String column = rs.getString(2);
                    if (rs.getString(1).isEmpty() && ZONE_COLUMN.equals(column)) {
                        storedZone[0] = rs.getString(3);
                    } else {
                        stored.computeIfAbsent(rs.getString(1), t -> new ValueTally())
                                .add(TOTAL_COLUMN.equals(column) ? null : column, rs.getString(3), rs.getLong(4));
                    }
                }, runId, file.fileName());
        return zone.getId().equals(storedZone[0]) ? stored : rebuilt(runId, period, file, zone);
    }

    /** Saves a file's tally; called in the step's last transaction, with the file's counts. */
    void save(long runId, InputFile file, InputTally tally) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {runId, file.fileName(), "", ZONE_COLUMN, tally.zone().getId(), 0L});
        tally.tallies().forEach((touchpoint, counts) -> {
            rows.add(new Object[] {runId, file.fileName(), touchpoint, TOTAL_COLUMN, "", counts.rows()});
            counts.columns().forEach(column -> counts.values(column).forEach((value, n) ->
                    rows.add(new Object[] {runId, file.fileName(), touchpoint, column, value, n})));
        });
        if (loadData.available()) {
            // some hundred thousand rows for surveys: LOAD DATA, on the step transaction's connection
            Path tsv = LoadData.write("input_tally", rows);
            jdbc.execute((StatementCallback<Void>) statement -> {
                LoadData.load(statement, tsv, "input_tally", COLUMNS);
                return null;
            });
        } else {
            jdbc.batchUpdate("INSERT INTO input_tally (" + String.join(", ", COLUMNS) + ") VALUES (?, ?, ?, ?, ?, ?)", rows);
        }
    }

    /** Counts the staged rows again, in {@code zone}: for runs staged before tallies, or counted in another zone. */
    private Map<String, ValueTally> rebuilt(long runId, Period period, InputFile file, ZoneId zone) {
        InputTally tally = InputTally.of(file, period, zone).orElseThrow();
        List<Column> columns = file.columns();
        String select = "SELECT " + String.join(", ", file.header()) + " FROM " + file.stagingTable() + " WHERE run_id = ?";
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(select, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(mySql ? Integer.MIN_VALUE : 10_000);
            statement.setLong(1, runId);
            return statement;
        }, rs -> {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                FieldType type = columns.get(i).type();
                if (type instanceof FieldType.Score) {
                    int value = rs.getInt(i + 1);
                    values[i] = rs.wasNull() ? null : value;
                } else if (type instanceof FieldType.Flag) {
                    boolean value = rs.getBoolean(i + 1);
                    values[i] = rs.wasNull() ? null : value;
                } else if (type instanceof FieldType.Timestamp) {
                    values[i] = OffsetDateTime.parse(rs.getString(i + 1));
                } else {
                    values[i] = rs.getString(i + 1);
                }
            }
            tally.add(values);
        });
        return tally.tallies();
    }

    private static InputFile fileOf(Events events) {
        return switch (events) {
            case SURVEYS -> InputFile.SURVEYS;
            case CONTACTS -> InputFile.CONTACTS;
            case COMPLAINTS -> InputFile.COMPLAINTS;
        };
    }
}
