package org.promiseledger.runs.partition.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.promiseledger.kernel.CodePoints;
import org.promiseledger.runs.partition.DepartmentRanges;
import org.promiseledger.scoring.ScoringResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The scored partitions of remote runs, in {@code scoring_partition}: what a worker decided for a range of departments,
 * as gzipped JSON of the scoring records. Decimals travel as their exact text, scale included, so the booked rows hash
 * the same as those of a run scored in one process.
 * Public for RemoteScoring in {@code org.promiseledger.runs.partition}; nothing outside it uses this.
 */
@Component
public class PartitionResultStore {

    /** One stored partition, in code-point order of its first department. */
    public record StoredPartition(DepartmentRanges.Range range, int departments, ScoringResult result) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper()
            // a record's helper methods (a name like isX) are not state; what the constructors take is
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

    /** Spring-built; tests pass null when they only encode and decode. */
    public PartitionResultStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a partition's result, replacing what an earlier attempt at the same partition left. */
    public void replace(long runId, DepartmentRanges.Range range, int departments, ScoringResult result) {
        byte[] payload = encode(result);
        // insert first, update only when the range was stored before (a retried range): a DELETE of a missing row
        // takes a gap lock on MySQL/MariaDB, and two workers doing so then inserting deadlocked each other
        try {
            jdbc.update("INSERT INTO scoring_partition (run_id, first_department_id, last_department_id, departments,"
                    + " result_json_gzip) VALUES (?, ?, ?, ?, ?)", runId, range.first(), range.last(), departments, payload);
        } catch (org.springframework.dao.DuplicateKeyException storedBefore) {
            jdbc.update("UPDATE scoring_partition SET last_department_id = ?, departments = ?, result_json_gzip = ?"
                    + " WHERE run_id = ? AND first_department_id = ?", range.last(), departments, payload, runId, range.first());
        }
    }

    /** Every stored partition of the run, in code-point order of its first department. */
    public List<StoredPartition> partitionsOf(long runId) {
        List<StoredPartition> partitions = new ArrayList<>(jdbc.query(
                "SELECT first_department_id, last_department_id, departments, result_json_gzip FROM scoring_partition WHERE run_id = ?",
                (rs, i) -> new StoredPartition(new DepartmentRanges.Range(rs.getString(1), rs.getString(2)), rs.getInt(3),
                        decode(rs.getBytes(4))), runId));
        partitions.sort((a, b) -> CodePoints.ORDER.compare(a.range().first(), b.range().first()));
        return partitions;
    }

    public void deleteRun(long runId) {
        jdbc.update("DELETE FROM scoring_partition WHERE run_id = ?", runId);
    }

    /** {@code result} as gzipped JSON, the shape stored in scoring_partition; public for the round-trip test. */
    public byte[] encode(ScoringResult result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
            json.writeValue(out, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The result {@link #encode} stored, equal to the one encoded. */
    public ScoringResult decode(byte[] payload) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(payload), 1 << 16)) {
            return json.readValue(in, ScoringResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored scoring partition could not be read back", e);
        }
    }
}
