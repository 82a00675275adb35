package org.promiseledger.cli.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.promiseledger.web.identity.AccountChangeRefused;
import org.promiseledger.web.identity.EmployeeLogins;
import org.promiseledger.web.identity.UserAccounts;
import org.promiseledger.period.Period;
import org.promiseledger.web.AppRole;
import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** HR's local logins from the command line: the same changes as the Users page, audited the same way. */
@Component
@Command(name = "users", mixinStandardHelpOptions = true, description = "Local logins of the web pages: add, import, list, disable.",
        subcommands = {UsersCommand.Add.class, UsersCommand.Import.class, UsersCommand.ListLogins.class, UsersCommand.Disable.class})
public class UsersCommand {

    /** Refusals (a taken name, a weak password, a period without a run) will fail again the same way: exit 2. */
    static int refusing(Callable<String> change) {
        try {
            System.out.println(change.call());
            return 0;
        } catch (AccountChangeRefused | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            System.err.println("cannot write: " + e.getCause().getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    @Component
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Adds a login. The password is read from standard input (one line), so it stays out of the shell"
                    + " history and the process list: echo ... | users add ... --password-stdin"})
    static class Add implements Callable<Integer> {
        @Option(names = "--username", required = true, description = "the login name")
        String username;

        @Option(names = "--role", required = true, description = "HR, EXECUTIVE, EMPLOYEE, ANALYST or AUDITOR")
        String role;

        @Option(names = "--employee", description = "the employee_id of employees.csv this login belongs to")
        String employee;

        @Option(names = "--password-stdin", required = true, description = "read the password from standard input")
        boolean passwordStdin;

        @Option(names = "--as", description = "who adds it, for the audit log (default: the operating-system user)")
        String as;

        private final UserAccounts accounts;

        Add(UserAccounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public Integer call() {
            return refusing(() -> {
                AppRole appRole = parseRole(role);
                String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (password == null) {
                    throw new AccountChangeRefused("No password on standard input (--password-stdin).");
                }
                accounts.create(Actions.user(as), username, appRole, employee, password);
                return "Login " + username + " added: role " + appRole + (employee == null ? "" : ", employee " + employee) + ".";
            });
        }
    }

    @Component
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"One login per employee of the period's latest run (its employees.csv), role from the file, each"
                    + " with a one-time activation link; the links are written to --out as CSV for HR to send."})
    static class Import implements Callable<Integer> {
        @Option(names = "--period", required = true, description = "the quarter, e.g. 2026-Q3")
        String period;

        @Option(names = "--out", required = true, description = "the CSV of links to write")
        Path out;

        @Option(names = "--as", description = "who imports, for the audit log (default: the operating-system user)")
        String as;

        private final EmployeeLogins employeeLogins;

        Import(EmployeeLogins employeeLogins) {
            this.employeeLogins = employeeLogins;
        }

        @Override
        public Integer call() {
            return refusing(() -> {
                Period quarter = Period.parse(period);
                if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
                    throw new AccountChangeRefused("No folder " + out.getParent() + " to write " + out.getFileName() + " in.");
                }
                EmployeeLogins.Import result = employeeLogins.createFor(Actions.user(as), quarter);
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    result.writeCsv(w);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return String.format("%d logins created from the employees of %s (run %d), %d employees already had one;"
                        + " their one-time links are in %s.", result.created().size(), quarter, result.runId(),
                        result.alreadyHadLogin(), out);
            });
        }
    }

    @Component
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every local login: role, employee, state.")
    static class ListLogins implements Callable<Integer> {
        private final UserAccounts accounts;

        ListLogins(UserAccounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public Integer call() {
            List<UserAccounts.Account> all = accounts.list();
            System.out.printf("%-24s %-9s %-12s %s%n", "login", "role", "employee", "state");
            for (UserAccounts.Account a : all) {
                System.out.printf("%-24s %-9s %-12s %s%n", a.username(), a.role(), a.employeeId() == null ? "-" : a.employeeId(),
                        !a.enabled() ? "disabled" : a.awaitingActivation() ? "awaiting activation" : "active");
            }
            return 0;
        }
    }

    @Component
    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disables a login: it can no longer sign in.")
    static class Disable implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "LOGIN", description = "the login to disable")
        String username;

        @Option(names = "--as", description = "who disables it, for the audit log (default: the operating-system user)")
        String as;

        private final UserAccounts accounts;

        Disable(UserAccounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public Integer call() {
            return refusing(() -> {
                accounts.disable(Actions.user(as), username);
                return username + " is disabled: it can no longer sign in.";
            });
        }
    }

    static AppRole parseRole(String text) {
        try {
            return AppRole.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AccountChangeRefused("--role " + text + " is not a role: HR, EXECUTIVE, EMPLOYEE, ANALYST or AUDITOR.");
        }
    }
}
