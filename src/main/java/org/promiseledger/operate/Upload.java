package org.promiseledger.operate;

import java.nio.file.Path;
import java.time.Instant;

/** A period's eleven input files as uploaded: kept in their own folder under the data folder, fingerprinted. */
public record Upload(String uploadId, String uploadedBy, Instant uploadedAt, Path dataDir, String inputFingerprint,
        long totalBytes) {
}
