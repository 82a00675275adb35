package org.promiseledger.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.promiseledger.kernel.Sha256;
import org.promiseledger.support.Logins;
import org.promiseledger.support.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** {@code tokens create|list|revoke} on the command line: the token printed once, stored hashed, listed, revoked. */
@SpringBootTest(properties = "promise-ledger.cli.enabled=false")
@OnH2
class TokensCommandTests {

    @Autowired
    TokensCommand tokens;

    @Autowired
    IFactory factory;

    @Autowired
    JdbcTemplate jdbc;

    record Ran(int exit, String out, String err) {
    }

    @Test
    void createPrintsTheTokenOnceListShowsItWithoutItAndRevokeEndsIt() throws Exception {
        Logins.ensure(jdbc, "payroll-bot", "HR", null);

        Ran created = run("create", "--user", "payroll-bot", "--scope", "operate", "--label", "payroll system", "--as", "hana");

        assertThat(created.exit()).isZero();
        String token = created.out().trim();
        assertThat(token).startsWith("plt_").hasSize(4 + 43);
        assertThat(created.err()).contains("scope operate").contains("shown this once");
        assertThat(jdbc.queryForObject("SELECT token_hash FROM api_token WHERE username = 'payroll-bot'", String.class))
                .isEqualTo(Sha256.hex(token));
        long id = jdbc.queryForObject("SELECT id FROM api_token WHERE username = 'payroll-bot'", Long.class);

        Ran listed = run("list");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains("payroll-bot").contains("operate").contains("payroll system").contains("active")
                .doesNotContain(token);

        Ran revoked = run("revoke", String.valueOf(id), "--as", "hana");
        assertThat(revoked.exit()).isZero();
        assertThat(run("list").out()).contains("revoked");
        assertThat(run("revoke", String.valueOf(id)).exit()).as("only once").isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT actor FROM audit_log WHERE action IN ('TOKEN_CREATED', 'TOKEN_REVOKED') AND details"
                + " LIKE ?", String.class, "API token " + id + "%")).containsExactly("hana", "hana");
    }

    @Test
    void anUnknownLoginOrScopeIsBadUsage() throws Exception {
        Ran noLogin = run("create", "--user", "nobody", "--scope", "read");
        assertThat(noLogin.exit()).isEqualTo(2);
        assertThat(noLogin.err()).contains("there is no login nobody");
        assertThat(noLogin.out()).isEmpty();
        Logins.ensure(jdbc, "olga", "AUDITOR", null);
        Ran badScope = run("create", "--user", "olga", "--scope", "admin");
        assertThat(badScope.exit()).isEqualTo(2);
        assertThat(badScope.err()).contains("scope 'admin' is not read or operate");
    }

    private Ran run(String... args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(tokens, factory).execute(args);
            return new Ran(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
