package org.promiseledger.integrity;

import java.time.Instant;

/** One review as recorded (reviews are appended, never changed: the latest one for a signal stands). */
public record Review(long id, String period, long runId, String touchpointId, Signal signal, Decision decision, String reason,
        String reviewedBy, Instant reviewedAt) {
}
