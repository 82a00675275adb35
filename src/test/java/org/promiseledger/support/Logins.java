package org.promiseledger.support;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Logins for tests that live outside the web package: rows of app_user with the password {@link #PASSWORD}. */
public final class Logins {

    public static final String PASSWORD = "pw-for-tests";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private Logins() {
    }

    public static void ensure(JdbcTemplate jdbc, String username, String role, String employeeId) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, username);
        if (found == null || found == 0) {
            jdbc.update("INSERT INTO app_user (username, password_hash, role, employee_id, created_at) VALUES (?, ?, ?, ?, ?)",
                    username, HASH, role, employeeId, Timestamp.from(Instant.now()));
        }
    }
}
