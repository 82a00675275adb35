package org.promiseledger.operate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.promiseledger.ingest.InputFolder;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.kernel.BatchSettings;
import org.promiseledger.operate.internal.UploadedFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Keeps uploaded input files as a run's {@code --data} folder: {@code <data-dir>/uploads/<upload id>/}, never
 * changed after the upload, fingerprinted by {@link InputFolder} exactly as a command-line run's folder is. A run
 * launched on an upload records that folder and fingerprint, so it restarts and is audited like any other.
 */
@Service
public class Uploads {

    /** A part of an upload: a file's name as the client gave it, and its bytes. */
    public interface Part {
        String name();

        InputStream open() throws IOException;

        /** Opens a part's bytes; a multipart file's {@code getInputStream}, for one. */
        interface Opener {
            InputStream open() throws IOException;
        }

        static Part of(String name, Opener opener) {
            return new Part() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public InputStream open() throws IOException {
                    return opener.open();
                }
            };
        }
    }

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final BatchSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final long limitBytes;

    Uploads(JdbcTemplate jdbc, BatchSettings settings, AuditLog audit, Clock clock,
            @Value("${promise-ledger.upload-limit:1GB}") DataSize limit) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.limitBytes = limit.toBytes();
    }

    /** The eleven files an upload must hold, in the contract's order. */
    public static List<String> fileNames() {
        return UploadedFiles.EXPECTED;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** Writes the parts into a new upload folder, or refuses the whole upload (and keeps nothing of it). */
    public Upload store(List<? extends Part> parts, String user) {
        Instant now = clock.instant();
        String id = ID_TIME.format(now) + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Path dir = settings.dataPath().resolve("uploads").resolve(id).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            UploadedFiles files = new UploadedFiles(dir, limitBytes);
            if (parts.isEmpty()) {
                throw new UploadRefusedException("no file was uploaded; choose the eleven CSV files or one zip of them", false);
            }
            for (Part part : parts) {
                try (InputStream in = part.open()) {
                    files.add(part.name(), in);
                }
            }
            files.requireAll();
            String fingerprint = new InputFolder(dir).fingerprint();
            jdbc.update("INSERT INTO input_upload (upload_id, uploaded_by, uploaded_at, data_dir, input_fingerprint, total_bytes)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, user, Timestamp.from(now), dir.toString(), fingerprint, files.totalBytes());
            audit.record(user, "UPLOAD", null, null, "upload " + id + ": eleven files, " + files.totalBytes() + " bytes, inputs "
                    + fingerprint.substring(0, 12) + ", kept in " + dir);
            return new Upload(id, user, now, dir, fingerprint, files.totalBytes());
        } catch (IOException e) {
            deleteQuietly(dir);
            throw new UncheckedIOException("the upload could not be stored in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    public Optional<Upload> find(String uploadId) {
        return jdbc.query("SELECT upload_id, uploaded_by, uploaded_at, data_dir, input_fingerprint, total_bytes FROM input_upload"
                + " WHERE upload_id = ?", (rs, i) -> new Upload(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        Path.of(rs.getString(4)), rs.getString(5), rs.getLong(6)), uploadId).stream().findFirst();
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a half-written upload folder is harmless: no run refers to it
        }
    }
}
