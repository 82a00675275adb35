package org.promiseledger.web.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.promiseledger.ledger.AuditLog;
import org.promiseledger.web.AppRole;
import org.promiseledger.web.identity.internal.ActivationLinks;
import org.promiseledger.web.identity.internal.LoginChanged;
import org.promiseledger.web.identity.internal.PasswordPolicy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * HR's administration of local logins (app_user), for the Users page and the `users` command: every change is one
 * call that writes the change and its audit entry together. Nobody changes their own login here, so an HR user
 * cannot raise their own rights (nor lower their own audit trail by disabling and re-enabling themselves).
 * Passwords follow {@link PasswordPolicy}; HR never learns one: a new login without a password, and a reset, get a
 * one-time activation link instead.
 */
@Service
public class UserAccounts {

    /** A login as the Users page lists it. */
    public record Account(String username, AppRole role, String employeeId, boolean enabled, Instant createdAt,
            boolean awaitingActivation) {
    }

    static final PasswordEncoder BCRYPT = new BCryptPasswordEncoder();
    private static final Pattern USERNAME = Pattern.compile("[^\\s\\p{Cntrl}]{1,100}");

    /**
     * The hash of a login that has no password yet: bcrypt of a random secret thrown away at once, so nothing signs
     * in with it; made once, because bcrypt is slow on purpose and an import makes thousands of logins.
     */
    private static final String NO_PASSWORD = BCRYPT.encode(randomSecret());

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final PasswordPolicy policy;
    private final ActivationLinks links;
    private final ApplicationEventPublisher events;

    UserAccounts(JdbcTemplate jdbc, Clock clock, AuditLog audit, PasswordPolicy policy, ActivationLinks links,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.policy = policy;
        this.links = links;
        this.events = events;
    }

    public List<Account> list() {
        return accounts("", new Object[0], 0);
    }

    /** At most limit logins whose name or employee id starts with the text (all when it is blank), in name order. */
    public List<Account> search(String text, int limit) {
        String start = text == null ? "" : text.trim();
        String pattern = start.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return accounts(" WHERE u.username LIKE ? OR u.employee_id LIKE ?", new Object[] {pattern, pattern}, limit);
    }

    public Optional<Account> find(String username) {
        return accounts(" WHERE u.username = ?", new Object[] {username}, 1).stream().findFirst();
    }

    private List<Account> accounts(String where, Object[] args, int limit) {
        Object[] all = new Object[args.length + 1];
        all[0] = Timestamp.from(clock.instant());
        System.arraycopy(args, 0, all, 1, args.length);
        return jdbc.query("SELECT u.username, u.role, u.employee_id, u.enabled, u.created_at,"
                + " (SELECT COUNT(*) FROM activation_link a WHERE a.username = u.username AND a.used_at IS NULL AND a.expires_at > ?)"
                + " FROM app_user u" + where + " ORDER BY u.username" + (limit > 0 ? " LIMIT " + limit : ""), (rs, i) ->
                new Account(rs.getString(1), AppRole.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant(), rs.getInt(6) > 0), all);
    }

    /** A login with a password chosen now (the command line, read from standard input). */
    @Transactional
    public void create(String actor, String username, AppRole role, String employeeId, String password) {
        requireNew(username);
        requirePassword(username, password);
        insert(username, BCRYPT.encode(password), role, employeeId);
        audit.record(actor, "USER_CREATED", null, null, describe(username, role, employeeId) + ", password set");
    }

    /** A login whose owner sets the password through the returned one-time link. */
    @Transactional
    public ActivationLinks.Issued invite(String actor, String username, AppRole role, String employeeId) {
        requireNew(username);
        insert(username, NO_PASSWORD, role, employeeId);
        ActivationLinks.Issued link = links.issue(username, actor);
        audit.record(actor, "USER_CREATED", null, null, describe(username, role, employeeId)
                + ", activation link valid until " + link.expiresAt());
        return link;
    }

    @Transactional
    public void disable(String actor, String username) {
        Account account = requireOther(actor, username);
        if (!account.enabled()) {
            throw new AccountChangeRefused(username + " is already disabled.");
        }
        jdbc.update("UPDATE app_user SET enabled = FALSE WHERE username = ?", username);
        audit.record(actor, "USER_DISABLED", null, null, username + ": can no longer sign in");
        events.publishEvent(new LoginChanged(username));
    }

    @Transactional
    public void enable(String actor, String username) {
        Account account = requireOther(actor, username);
        if (account.enabled()) {
            throw new AccountChangeRefused(username + " is already enabled.");
        }
        jdbc.update("UPDATE app_user SET enabled = TRUE WHERE username = ?", username);
        audit.record(actor, "USER_ENABLED", null, null, username + ": can sign in again");
    }

    @Transactional
    public void changeRole(String actor, String username, AppRole role) {
        Account account = requireOther(actor, username);
        if (account.role() == role) {
            throw new AccountChangeRefused(username + " already has the role " + role + ".");
        }
        jdbc.update("UPDATE app_user SET role = ? WHERE username = ?", role.name(), username);
        audit.record(actor, "USER_ROLE_CHANGED", null, null, username + ": " + account.role() + " -> " + role);
        events.publishEvent(new LoginChanged(username));
    }

    @Transactional
    public void link(String actor, String username, String employeeId) {
        Account account = requireOther(actor, username);
        String employee = requireEmployeeId(employeeId);
        jdbc.update("UPDATE app_user SET employee_id = ? WHERE username = ?", employee, username);
        audit.record(actor, "USER_LINKED", null, null, username + ": employee " + (account.employeeId() == null ? "none"
                : account.employeeId()) + " -> " + employee);
        events.publishEvent(new LoginChanged(username));
    }

    @Transactional
    public void unlink(String actor, String username) {
        Account account = requireOther(actor, username);
        if (account.employeeId() == null) {
            throw new AccountChangeRefused(username + " is not linked to an employee.");
        }
        jdbc.update("UPDATE app_user SET employee_id = NULL WHERE username = ?", username);
        audit.record(actor, "USER_UNLINKED", null, null, username + ": was employee " + account.employeeId());
        events.publishEvent(new LoginChanged(username));
    }

    /** The old password stops working at once; the owner chooses a new one through the returned link. */
    @Transactional
    public ActivationLinks.Issued resetPassword(String actor, String username) {
        requireOther(actor, username);
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", NO_PASSWORD, username);
        ActivationLinks.Issued link = links.issue(username, actor);
        audit.record(actor, "USER_PASSWORD_RESET", null, null, username + ": activation link valid until " + link.expiresAt());
        events.publishEvent(new LoginChanged(username));
        return link;
    }

    /** The owner of a link sets their password; the link is used up. Returns the login. */
    @Transactional
    public String activate(String token, String password) {
        String username = links.usableFor(token).orElseThrow(ActivationLinkUnusable::new);
        requirePassword(username, password);
        links.consume(token).orElseThrow(ActivationLinkUnusable::new);
        jdbc.update("UPDATE app_user SET password_hash = ? WHERE username = ?", BCRYPT.encode(password), username);
        audit.record(username, "USER_ACTIVATED", null, null, username + " chose a password with a one-time link");
        return username;
    }

    /** The link is unknown, used or expired: the page says so and names no login. */
    public static class ActivationLinkUnusable extends AccountChangeRefused {
        public ActivationLinkUnusable() {
            super("This activation link cannot be used: it was used already, has expired or was replaced by a newer one."
                    + " Ask HR for a new link.");
        }
    }

    boolean exists(String username) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, username);
        return n != null && n > 0;
    }

    void insert(String username, String hash, AppRole role, String employeeId) {
        jdbc.update("INSERT INTO app_user (username, password_hash, role, employee_id, created_at, enabled) VALUES (?, ?, ?, ?, ?, TRUE)",
                username, hash, role.name(), employeeId == null || employeeId.isBlank() ? null : employeeId.trim(),
                Timestamp.from(clock.instant()));
    }

    static String noPasswordHash() {
        return NO_PASSWORD;
    }

    private void requireNew(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountChangeRefused("A login name has 1 to 100 characters and no spaces.");
        }
        if (exists(username)) {
            throw new AccountChangeRefused("The login " + username + " exists already.");
        }
    }

    private void requirePassword(String username, String password) {
        List<String> problems = policy.problems(username, password);
        if (!problems.isEmpty()) {
            throw new AccountChangeRefused(String.join(" ", problems));
        }
    }

    private Account requireOther(String actor, String username) {
        if (actor.equals(username)) {
            throw new AccountChangeRefused("You cannot change your own login: ask another HR user.");
        }
        return find(username).orElseThrow(() -> new AccountChangeRefused("No login " + username + "."));
    }

    private static String requireEmployeeId(String employeeId) {
        if (employeeId == null || employeeId.isBlank() || employeeId.trim().length() > 100) {
            throw new AccountChangeRefused("An employee id (as in employees.csv) has 1 to 100 characters.");
        }
        return employeeId.trim();
    }

    private static String describe(String username, AppRole role, String employeeId) {
        return username + ": role " + role + ", employee " + (employeeId == null ? "none" : employeeId);
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }
}
