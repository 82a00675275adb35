package org.promiseledger.web.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.promiseledger.export.SpreadsheetSafeCsv;
import org.promiseledger.ingest.StagedWorkforce;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.period.Period;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.web.AppRole;
import org.promiseledger.web.identity.internal.ActivationLinks;
import org.promiseledger.web.identity.internal.LoginMode;
import org.promiseledger.web.identity.internal.SecuritySettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk creation of local logins from the employees.csv of a period's latest run: one login per employee, named by the
 * employee_id and linked to it, its role from the file (EXECUTIVE → EXECUTIVE; MANAGER and STAFF → EMPLOYEE, whose
 * reach then follows the file's role), each with a one-time activation link. Employees who already have a login
 * (by name or by link) are left as they are, so the import can run again each quarter for the new hires.
 */
@Service
public class EmployeeLogins {

    /** One login created, with the link that exists in clear only in this result. */
    public record Created(String username, String employeeId, String name, String fileRole, AppRole role,
            ActivationLinks.Issued link) {
    }

    public record Import(Period period, long runId, List<Created> created, int alreadyHadLogin) {

        /** The CSV HR sends from: spreadsheet-safe text cells. */
        public void writeCsv(Writer out) {
            try (SpreadsheetSafeCsv csv = SpreadsheetSafeCsv.on(out,
                    "username", "employee_id", "name", "role", "activation_link", "expires_at")) {
                for (Created c : created) {
                    csv.row(c.username(), c.employeeId(), c.name(), c.role().name(), c.link().url(), c.link().expiresAt().toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final JdbcTemplate jdbc;
    private final StagedWorkforce staged;
    private final RunRegistry runs;
    private final UserAccounts accounts;
    private final ActivationLinks links;
    private final AuditLog audit;
    private final SecuritySettings settings;

    EmployeeLogins(JdbcTemplate jdbc, StagedWorkforce staged, RunRegistry runs, UserAccounts accounts, ActivationLinks links,
            AuditLog audit, SecuritySettings settings) {
        this.jdbc = jdbc;
        this.staged = staged;
        this.runs = runs;
        this.accounts = accounts;
        this.links = links;
        this.audit = audit;
        this.settings = settings;
    }

    static AppRole roleFor(String fileRole) {
        return "EXECUTIVE".equals(fileRole) ? AppRole.EXECUTIVE : AppRole.EMPLOYEE;
    }

    @Transactional
    public Import createFor(String actor, Period period) {
        if (settings.login() != LoginMode.LOCAL) {
            throw new AccountChangeRefused("Sign-in is by " + settings.login().name().toLowerCase() + " (promise-ledger.security.login):"
                    + " people sign in with their company account, so there are no local logins to create.");
        }
        long runId = runs.latestCalculated(period).orElseThrow(() -> new AccountChangeRefused(
                "No calculated run of " + period + ": its employees.csv is read from the period's latest run.")).runId();
        // the file's last row of each employee: with mid-quarter history, the role they hold at the end
        Map<String, String[]> employees = new LinkedHashMap<>();
        staged.membersByEmployee(runId).forEach(m -> employees.put(m.employeeId(), new String[] {m.name(), m.role()}));
        Set<String> taken = new HashSet<>(jdbc.queryForList("SELECT employee_id FROM app_user WHERE employee_id IS NOT NULL",
                String.class));
        taken.addAll(jdbc.queryForList("SELECT username FROM app_user", String.class));
        List<Created> created = new ArrayList<>();
        int skipped = 0;
        for (Map.Entry<String, String[]> e : employees.entrySet()) {
            String employeeId = e.getKey();
            if (taken.contains(employeeId)) {
                skipped++;
                continue;
            }
            AppRole role = roleFor(e.getValue()[1]);
            accounts.insert(employeeId, UserAccounts.noPasswordHash(), role, employeeId);
            ActivationLinks.Issued link = links.issue(employeeId, actor);
            audit.record(actor, "USER_CREATED", period.toString(), runId, employeeId + ": role " + role + ", employee " + employeeId
                    + " (employees.csv), activation link valid until " + link.expiresAt());
            created.add(new Created(employeeId, employeeId, e.getValue()[0], e.getValue()[1], role, link));
        }
        audit.record(actor, "USERS_IMPORTED", period.toString(), runId, created.size() + " logins created from employees.csv, "
                + skipped + " employees already had one");
        return new Import(period, runId, created, skipped);
    }
}
