package org.promiseledger.web.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.promiseledger.ledger.AuditLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins, per login (README: after 5 failures for a login within 15 minutes, that login waits 15 minutes, even
 * with the right password). Kept in the database, append-only, so the count holds across restarts and across
 * several servers, and so that a security officer can read it. The lock and every refusal are in the audit log.
 * A failure counts when it is younger than 15 minutes and came after the login's last success or last lock.
 */
@Repository
public class LoginThrottle {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration WAIT = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLog audit;

    public LoginThrottle(JdbcTemplate jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** When the login may try again, if it is waiting now. */
    public Optional<Instant> waitingUntil(String username) {
        String who = clipped(username);
        Instant now = clock.instant();
        return jdbc.query("SELECT MAX(at) FROM login_attempt WHERE username = ? AND outcome = 'LOCKED'",
                        (rs, i) -> rs.getTimestamp(1), who).stream()
                .filter(t -> t != null)
                .map(t -> t.toInstant().plus(WAIT))
                .filter(until -> until.isAfter(now))
                .findFirst();
    }

    /** Refuses (and audits) a sign-in of a login that is waiting. */
    void requireNotWaiting(String username) {
        Optional<Instant> until = waitingUntil(username);
        if (until.isPresent()) {
            audit.record(clipped(username), "LOGIN_THROTTLED", null, null,
                    "sign-in refused without checking the password: throttled until " + until.get());
            throw new LoginThrottledException(username);
        }
    }

    /** Books a failure; the fifth within the window starts the wait. */
    public void failed(String username) {
        String who = clipped(username);
        Instant now = clock.instant();
        insert(who, now, "FAILURE");
        audit.record(who, "LOGIN_FAILED", null, null, "wrong login or password");
        Long since = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM login_attempt WHERE username = ?"
                + " AND outcome IN ('SUCCESS', 'LOCKED')", Long.class, who);
        Integer recent = jdbc.queryForObject("SELECT COUNT(*) FROM login_attempt WHERE username = ? AND outcome = 'FAILURE'"
                + " AND id > ? AND at > ?", Integer.class, who, since, Timestamp.from(now.minus(WINDOW)));
        if (recent != null && recent >= MAX_FAILURES) {
            insert(who, now, "LOCKED");
            audit.record(who, "LOGIN_LOCKED", null, null, recent + " failed sign-ins within " + WINDOW.toMinutes()
                    + " minutes: this login waits until " + now.plus(WAIT));
        }
    }

    void succeeded(String username) {
        insert(clipped(username), clock.instant(), "SUCCESS");
    }

    private void insert(String username, Instant at, String outcome) {
        jdbc.update("INSERT INTO login_attempt (username, at, outcome) VALUES (?, ?, ?)", username, Timestamp.from(at), outcome);
    }

    /** A typed login longer than the column is still throttled, under its first 100 characters. */
    private static String clipped(String username) {
        String name = username == null ? "" : username;
        return name.length() <= 100 ? name : name.substring(0, 100);
    }
}
