package org.promiseledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.promiseledger.web.identity.UserAccounts;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.support.OnH2;
import org.promiseledger.web.AppRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** `users add | import | list | disable` as an operator types them, on the real command tree and database. */
@SpringBootTest(properties = "promise-ledger.cli.enabled=false")
@OnH2
class UsersCommandTests {

    @Autowired
    PromiseLedgerCommand command;

    @Autowired
    IFactory factory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAccounts accounts;

    @Autowired
    AuditLog audit;

    private String out;
    private String err;

    @Test
    void addsALoginWithThePasswordReadFromStandardInputHashedWithBcrypt() {
        int exit = run("correct horse battery staple\n", "users", "add", "--username", "carla", "--role", "hr", "--employee", "E4",
                "--password-stdin", "--as", "ops");

        assertThat(exit).as(err).isZero();
        assertThat(out).contains("Login carla added: role HR, employee E4.");
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = 'carla'", String.class);
        assertThat(hash).startsWith("$2").doesNotContain("horse");
        assertThat(new BCryptPasswordEncoder().matches("correct horse battery staple", hash)).isTrue();
        assertThat(audit.entries(null)).anyMatch(e -> e.actor().equals("ops") && e.action().equals("USER_CREATED")
                && e.details().startsWith("carla: role HR, employee E4"));
    }

    @Test
    void refusesAWeakPasswordAnUnknownRoleAndATakenNameWithExitTwo() {
        assertThat(run("Qwerty123456\n", "users", "add", "--username", "weak", "--role", "EMPLOYEE", "--password-stdin")).isEqualTo(2);
        assertThat(err).contains("one of the most common passwords");
        assertThat(run("long enough passphrase\n", "users", "add", "--username", "x", "--role", "BOSS", "--password-stdin")).isEqualTo(2);
        assertThat(err).contains("--role BOSS is not a role");
        run("a first good passphrase\n", "users", "add", "--username", "dup", "--role", "ANALYST", "--password-stdin");
        assertThat(run("a second good passphrase\n", "users", "add", "--username", "dup", "--role", "ANALYST", "--password-stdin"))
                .isEqualTo(2);
        assertThat(err).contains("The login dup exists already.");
        assertThat(accounts.find("weak")).isEmpty();
    }

    @Test
    void importsTheEmployeesOfAQuarterAndWritesTheirOneTimeLinks(@Autowired QuarterlyRunner runner, @TempDir Path dir)
            throws Exception {
        Period q3 = Period.parse("2026-Q3");
        var outcome = runner.run(q3, Path.of("src/test/resources/jobs/small/input"), Path.of("rules"), "ops");
        assertThat(outcome.exitCode()).isZero();
        Path links = dir.resolve("links.csv");
        // this run's employees only: other tests may have left other runs in the same database
        long employees = jdbc.queryForObject("SELECT COUNT(DISTINCT employee_id) FROM in_employee WHERE run_id = ?", Long.class,
                outcome.runId());
        long withoutLogin = jdbc.queryForObject("SELECT COUNT(DISTINCT employee_id) FROM in_employee WHERE run_id = ? AND"
                + " employee_id NOT IN (SELECT employee_id FROM app_user WHERE employee_id IS NOT NULL)", Long.class,
                outcome.runId());

        int exit = run("", "users", "import", "--period", "2026-Q3", "--out", links.toString(), "--as", "ops");

        assertThat(exit).as(err).isZero();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(links)).getRecords();
        assertThat(rows).hasSize((int) withoutLogin).isNotEmpty();
        assertThat(out).contains(withoutLogin + " logins created from the employees of 2026-Q3");
        assertThat(rows).allMatch(r -> r.get("activation_link").startsWith("http://localhost:8080/activate?token="));
        assertThat(Files.readString(links).lines().findFirst()).contains("username,employee_id,name,role,activation_link,expires_at");

        assertThat(run("", "users", "list")).isZero();
        assertThat(out).contains(rows.get(0).get("username")).contains("awaiting activation");

        assertThat(run("", "users", "import", "--period", "2026-Q3", "--out", dir.resolve("again.csv").toString())).isZero();
        assertThat(out).contains("0 logins created").contains(employees + " employees already had one");
        assertThat(run("", "users", "import", "--period", "2025-Q1", "--out", dir.resolve("none.csv").toString())).isEqualTo(2);
        assertThat(err).contains("No calculated run of 2025-Q1");
    }

    @Test
    void disablesALoginAndListsItAsDisabled() {
        accounts.create("ops", "fred", AppRole.EMPLOYEE, "E9", "a long walk by the river");

        assertThat(run("", "users", "disable", "fred", "--as", "ops")).isZero();
        assertThat(run("", "users", "list")).isZero();

        assertThat(out.lines().filter(l -> l.startsWith("fred "))).singleElement().asString().contains("EMPLOYEE").contains("E9")
                .endsWith("disabled");
        assertThat(run("", "users", "disable", "fred")).isEqualTo(2);
        assertThat(err).contains("fred is already disabled.");
        assertThat(run("", "users", "disable", "nobody")).isEqualTo(2);
        assertThat(err).contains("No login nobody.");
    }

    private int run(String stdin, String... args) {
        InputStream in = System.in;
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return new CommandLine(command, factory).execute(args);
        } finally {
            System.setIn(in);
            System.setOut(stdout);
            System.setErr(stderr);
            out = o.toString(StandardCharsets.UTF_8);
            err = e.toString(StandardCharsets.UTF_8);
        }
    }
}
