package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** The app_user table: logins with a bcrypt hash, a role and the employee they belong to. */
@Repository
public class AppUsers {

    /** Shared with the login check, so a password set here is the one that signs in. */
    static final PasswordEncoder BCRYPT = new BCryptPasswordEncoder();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AppUsers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the login, or resets its password, role and employee when it exists (the demo runs again). */
    public void save(String username, String rawPassword, AppRole role, String employeeId) {
        String hash = BCRYPT.encode(rawPassword);
        int updated = jdbc.update("UPDATE app_user SET password_hash = ?, role = ?, employee_id = ? WHERE username = ?",
                hash, role.name(), employeeId, username);
        if (updated == 0) {
            jdbc.update("INSERT INTO app_user (username, password_hash, role, employee_id, created_at) VALUES (?, ?, ?, ?, ?)",
                    username, hash, role.name(), employeeId, Timestamp.from(clock.instant()));
        }
    }

    /** The login of that username (as typed, exact match), or empty. */
    public Optional<AppUser> find(String username) {
        return jdbc.query("SELECT username, password_hash, role, employee_id, enabled FROM app_user WHERE username = ?",
                (rs, i) -> new AppUser(rs.getString(1), rs.getString(2), AppRole.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getBoolean(5)),
                username).stream().findFirst();
    }
}
