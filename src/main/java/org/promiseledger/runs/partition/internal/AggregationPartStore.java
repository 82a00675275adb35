package org.promiseledger.runs.partition.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.promiseledger.metrics.AggregationPart;
import org.promiseledger.runs.partition.DepartmentRanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The counted aggregation partitions of remote runs, in {@code aggregation_partition}: what a worker counted for a range
 * of departments and a share of the customers, as gzipped JSON (plain counts, a few kilobytes per range).
 * Public for RemoteAggregation in {@code org.promiseledger.runs.partition}; nothing outside it uses this.
 */
@Component
public class AggregationPartStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    AggregationPartStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a partition's part, replacing what an earlier attempt at the same partition left. */
    void replace(long runId, DepartmentRanges.Range range, AggregationPart part) {
        byte[] payload = encode(part);
        // insert first, as PartitionResultStore does: a DELETE of a missing row would take a gap lock on MySQL/MariaDB
        try {
            jdbc.update("INSERT INTO aggregation_partition (run_id, first_department_id, last_department_id, part_json_gzip)"
                    + " VALUES (?, ?, ?, ?)", runId, range.first(), range.last(), payload);
        } catch (org.springframework.dao.DuplicateKeyException storedBefore) {
            jdbc.update("UPDATE aggregation_partition SET last_department_id = ?, part_json_gzip = ? WHERE run_id = ?"
                    + " AND first_department_id = ?", range.last(), payload, runId, range.first());
        }
    }

    /** Every stored part of run {@code runId}, one per partition that finished; empty if none. */
    public List<AggregationPart> partsOf(long runId) {
        return jdbc.query("SELECT part_json_gzip FROM aggregation_partition WHERE run_id = ?", (rs, i) -> decode(rs.getBytes(1)), runId);
    }

    /** Forgets run {@code runId}'s parts once the run has added them up. */
    public void deleteRun(long runId) {
        jdbc.update("DELETE FROM aggregation_partition WHERE run_id = ?", runId);
    }

    private byte[] encode(AggregationPart part) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
            json.writeValue(out, part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private AggregationPart decode(byte[] payload) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload), 1 << 16)) {
            return json.readValue(in, AggregationPart.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored aggregation partition could not be read back", e);
        }
    }
}
