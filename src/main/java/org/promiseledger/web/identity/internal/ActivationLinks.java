package org.promiseledger.web.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * One-time activation links: 256 random bits in the link, only their SHA-256 in the database, so a copy of the
 * database opens no login. A link is used once, expires after promise-ledger.security.activation-validity, and a
 * newer link for the same login retires the older ones.
 */
@Repository
public class ActivationLinks {

    /** A link just made: the only moment its token exists in clear. */
    public record Issued(String username, String url, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecuritySettings settings;

    public ActivationLinks(JdbcTemplate jdbc, Clock clock, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    public Issued issue(String username, String by) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.activationValidity());
        jdbc.update("UPDATE activation_link SET used_at = ? WHERE username = ? AND used_at IS NULL", Timestamp.from(now), username);
        jdbc.update("INSERT INTO activation_link (username, token_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                username, hash(token), by, Timestamp.from(now), Timestamp.from(expires));
        String base = settings.publicUrl().endsWith("/") ? settings.publicUrl() : settings.publicUrl() + "/";
        return new Issued(username, base + "activate?token=" + token, expires);
    }

    /** The login a link opens, while it is unused and unexpired. */
    public Optional<String> usableFor(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT username FROM activation_link WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                String.class, hash(token), Timestamp.from(clock.instant())).stream().findFirst();
    }

    /** Uses the link up, once: of two requests racing with one link, exactly one gets the login. */
    public Optional<String> consume(String token) {
        Optional<String> username = usableFor(token);
        if (username.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int used = jdbc.update("UPDATE activation_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
                Timestamp.from(now), hash(token), Timestamp.from(now));
        return used == 1 ? username : Optional.empty();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
