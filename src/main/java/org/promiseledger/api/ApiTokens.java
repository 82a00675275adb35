package org.promiseledger.api;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.promiseledger.ledger.AuditLog;
import org.promiseledger.kernel.Sha256;
import org.promiseledger.web.PayReach;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: 256 random bits, shown once when created, stored only as their SHA-256 (a token is as
 * strong as a random key, so a fast hash suffices where a password would need bcrypt). A token carries its owner's
 * role and reach, narrowed by its scope; revoking is immediate. Creating and revoking are audited; every use is
 * kept in api_token_use.
 */
@Service
public class ApiTokens {

    /** The prefix makes a leaked token recognisable to secret scanners and to a person reading a log. */
    static final String PREFIX = "plt_";

    /** A token as listed: never the token itself. */
    public record Token(long id, String username, TokenScope scope, String label, String createdBy, Instant createdAt,
            String revokedBy, Instant revokedAt, long uses, Instant lastUsedAt) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A new token: the only moment its value exists outside the caller's hands. */
    public record Created(Token token, String value) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final PayReach reach;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcTemplate jdbc, Clock clock, AuditLog audit, PayReach reach) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.reach = reach;
    }

    public Created create(String username, TokenScope scope, String label, String createdBy) {
        if (reach.caller(username).isEmpty()) {
            throw new IllegalArgumentException("there is no login " + username + "; a token belongs to an existing login");
        }
        String cleanLabel = label == null || label.isBlank() ? null : label.trim();
        if (cleanLabel != null && cleanLabel.length() > 100) {
            throw new IllegalArgumentException("a token's label has at most 100 characters");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO api_token (token_hash, username, scope, label,"
                    + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, Sha256.hex(value));
            ps.setString(2, username);
            ps.setString(3, scope.word());
            ps.setString(4, cleanLabel);
            ps.setString(5, createdBy);
            ps.setTimestamp(6, Timestamp.from(now));
            return ps;
        }, keys);
        long id = keys.getKeyList().get(0).values().stream().map(v -> ((Number) v).longValue()).findFirst().orElseThrow();
        audit.record(createdBy, "TOKEN_CREATED", null, null, "API token " + id + " for " + username + ", scope " + scope.word()
                + (cleanLabel == null ? "" : " (" + cleanLabel + ")"));
        return new Created(find(id).orElseThrow(), value);
    }

    public List<Token> list() {
        return jdbc.query(SELECT + " ORDER BY t.id", (rs, i) -> map(rs));
    }

    public Optional<Token> find(long id) {
        return jdbc.query(SELECT + " WHERE t.id = ?", (rs, i) -> map(rs), id).stream().findFirst();
    }

    /** Revokes the token at once; false when there is no such token or it was revoked before. */
    public boolean revoke(long id, String revokedBy) {
        int changed = jdbc.update("UPDATE api_token SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                revokedBy, Timestamp.from(clock.instant()), id);
        if (changed > 0) {
            audit.record(revokedBy, "TOKEN_REVOKED", null, null, "API token " + id + " revoked");
        }
        return changed > 0;
    }

    /** The active token with this value, if any (the API's bearer filter, in api.internal, asks). */
    public Optional<Token> authenticate(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.query(SELECT + " WHERE t.token_hash = ? AND t.revoked_at IS NULL", (rs, i) -> map(rs), Sha256.hex(value))
                .stream().findFirst();
    }

    /** Records one request made with a token; paths longer than 500 characters are cut to fit the column. */
    public void recordUse(Token token, String method, String path, int status) {
        String trimmed = path.length() <= 500 ? path : path.substring(0, 497) + "...";
        jdbc.update("INSERT INTO api_token_use (token_id, username, used_at, method, path, status) VALUES (?, ?, ?, ?, ?, ?)",
                token.id(), token.username(), Timestamp.from(clock.instant()), method, trimmed, status);
    }

    /** Uses of one token, newest first, for the tokens page and the auditors. */
    public record Use(Instant at, String method, String path, int status) {
    }

    public List<Use> uses(long tokenId, int limit) {
        return jdbc.query("SELECT used_at, method, path, status FROM api_token_use WHERE token_id = ? ORDER BY id DESC LIMIT ?",
                (rs, i) -> new Use(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getInt(4)), tokenId, limit);
    }

    private static final String SELECT = """
            SELECT t.id, t.username, t.scope, t.label, t.created_by, t.created_at, t.revoked_by, t.revoked_at,
                   (SELECT COUNT(*) FROM api_token_use u WHERE u.token_id = t.id) AS uses,
                   (SELECT MAX(u.used_at) FROM api_token_use u WHERE u.token_id = t.id) AS last_used
            FROM api_token t""";

    private static Token map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp revokedAt = rs.getTimestamp(8);
        Timestamp lastUsed = rs.getTimestamp(10);
        return new Token(rs.getLong(1), rs.getString(2), TokenScope.parse(rs.getString(3)), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), revokedAt == null ? null : revokedAt.toInstant(), rs.getLong(9),
                lastUsed == null ? null : lastUsed.toInstant());
    }
}
