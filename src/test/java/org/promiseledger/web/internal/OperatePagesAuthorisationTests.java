package org.promiseledger.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunOutcome;
import org.promiseledger.runs.RunRegistry;
import org.promiseledger.support.Logins;
import org.promiseledger.support.ServedApp;
import org.promiseledger.support.ShiftedInputs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The pages for running a quarter, adjustments and API tokens × every role, through the real security chain: HR acts,
 * auditors watch (read-only), everyone else is refused. 302L is the redirect to the sign-in page; an HR write answers
 * 302 back to its page (with the outcome in words) or 400 for an upload without files.
 */
@ServedApp
class OperatePagesAuthorisationTests {

    private static final String MATRIX = """
            endpoint                         | anonymous | ben (EXECUTIVE) | gus (EMPLOYEE) | hana (HR) | olga (AUDITOR) | ana (ANALYST)
            GET  /runs/new                   | 302L | 403 | 403 | 200 | 403 | 403
            POST /runs/uploads               | 302L | 403 | 403 | 400 | 403 | 403
            GET  /runs/{run}/progress        | 302L | 403 | 403 | 200 | 200 | 403
            GET  /runs/{run}/progress.json   | 302L | 403 | 403 | 200 | 200 | 403
            GET  /runs/{run}/rejects         | 302L | 403 | 403 | 200 | 200 | 403
            GET  /runs/999999/progress       | 302L | 403 | 403 | 404 | 404 | 403
            POST /runs/{run}/restart         | 302L | 403 | 403 | 302 | 403 | 403
            GET  /adjustments                | 302L | 403 | 403 | 200 | 200 | 403
            POST /adjustments                | 302L | 403 | 403 | 302 | 403 | 403
            GET  /tokens                     | 302L | 403 | 403 | 200 | 200 | 403
            GET  /tokens/{token}             | 302L | 403 | 403 | 200 | 200 | 403
            POST /tokens                     | 302L | 403 | 403 | 302 | 403 | 403
            POST /tokens/{token}/revoke      | 302L | 403 | 403 | 302 | 403 | 403
            """;

    static final Period QUARTER = Period.parse("2028-Q4");

    @Autowired
    MockMvc mvc;

    @Autowired
    DatabaseUserDetailsService logins;

    private static long runId;
    private static long tokenId;

    @BeforeEach
    void aRunAndATokenAndLogins(@Autowired JdbcTemplate jdbc, @Autowired QuarterlyRunner runner, @Autowired RunRegistry registry,
            @Autowired org.promiseledger.api.ApiTokens tokens) {
        for (String[] login : new String[][] {{"ben", "EXECUTIVE", "E2"}, {"gus", "EMPLOYEE", "E7"}, {"hana", "HR", "E11"},
                {"olga", "AUDITOR", null}, {"ana", "ANALYST", "E10"}}) {
            Logins.ensure(jdbc, login[0], login[1], login[2]);
        }
        if (registry.latestCalculated(QUARTER).isEmpty()) {
            RunOutcome outcome = runner.run(QUARTER, ShiftedInputs.small(27), Path.of("rules"), "hr.alice");
            assertThat(outcome.exitCode()).as(String.join("\n", outcome.messages())).isZero();
        }
        runId = registry.latestCalculated(QUARTER).orElseThrow().runId();
        if (tokenId == 0) {
            tokenId = tokens.create("olga", org.promiseledger.api.TokenScope.READ, "matrix", "hana").token().id();
        }
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void eachRoleGetsTheStatusItsPlaceAllows(String endpoint, String login, String expected) throws Exception {
        MvcResult result = mvc.perform(request(endpoint, login)).andReturn();

        int status = result.getResponse().getStatus();
        if (expected.equals("302L")) {
            assertThat(status).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        } else {
            assertThat(status).as(endpoint + " as " + login).isEqualTo(Integer.parseInt(expected));
        }
    }

    static Stream<Arguments> matrix() {
        List<String> rows = MATRIX.lines().filter(l -> !l.isBlank()).toList();
        List<String> logins = Stream.of(rows.get(0).split("\\|")).skip(1).map(h -> h.trim().split(" ")[0]).toList();
        List<Arguments> cells = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] columns = row.split("\\|");
            for (int i = 0; i < logins.size(); i++) {
                cells.add(Arguments.of(columns[0].trim(), logins.get(i), columns[i + 1].trim()));
            }
        }
        return cells.stream();
    }

    private MockHttpServletRequestBuilder request(String endpoint, String login) {
        String[] parts = endpoint.split("\\s+");
        String path = parts[1].replace("{run}", String.valueOf(runId)).replace("{token}", String.valueOf(tokenId));
        MockHttpServletRequestBuilder request = parts[0].equals("POST")
                ? post(path).with(csrf()).param("period", QUARTER.toString()).param("employeeId", "E7").param("amount", "1.00")
                        .param("reason", "matrix").param("username", "olga").param("scope", "read")
                : get(path);
        return login.equals("anonymous") ? request : request.with(user(logins.loadUserByUsername(login)));
    }
}
