package org.promiseledger.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.promiseledger.period.Period;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunApproval;
import org.promiseledger.runs.RunRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every endpoint × every role × own / other person, through the real security configuration: the status each login
 * gets. {own} is the login's own employee, {other} someone whose pay it may see (a report, someone in the subtree,
 * anyone for HR and auditors), {peer} someone it may not; {dept+} / {dept-} a department it may / may not open.
 * 302L is the redirect to the sign-in page; "-" marks a cell that has no such person for that login.
 */
@WebFunctionalTest
class AuthorisationMatrixTests {

    private static final String MATRIX = """
            endpoint                                  | anonymous | ben (EXECUTIVE) | eve (EMPLOYEE, manager) | gus (EMPLOYEE, staff) | hana (HR) | olga (AUDITOR) | ana (ANALYST)
            GET  /login                               | 200  | 200 | 200 | 200 | 200 | 200 | 200
            GET  /webjars/chart.js/dist/chart.umd.js  | 200  | 200 | 200 | 200 | 200 | 200 | 200
            GET  /                                    | 302L | 302 | 302 | 302 | 302 | 302 | 302
            GET  /scorecard                           | 302L | 302 | 302 | 302 | 302 | 200 | 302
            GET  /scorecards/{own}                    | 302L | 200 | 200 | 200 | 200 | -   | 200
            GET  /scorecards/{other}                  | 302L | 200 | 200 | -   | 200 | 200 | -
            GET  /scorecards/{peer}                   | 302L | 403 | 403 | 403 | -   | -   | 403
            GET  /scorecards/{peer}?period=2024-Q1    | 302L | 403 | 403 | 403 | -   | -   | 403
            GET  /scorecards/{own}/statement.pdf      | 302L | 200 | 200 | 200 | 200 | -   | 200
            GET  /scorecards/{other}/statement.pdf    | 302L | 200 | 200 | -   | 200 | 200 | -
            GET  /scorecards/{peer}/statement.pdf     | 302L | 403 | 403 | 403 | -   | -   | 403
            GET  /scorecards/NOBODY                   | 302L | 403 | 403 | 403 | 404 | 404 | 403
            GET  /people                              | 302L | 200 | 200 | 200 | 200 | 200 | 200
            POST /scorecards/{own}/queries            | 302L | 302 | 302 | 302 | 302 | -   | 302
            POST /scorecards/{other}/queries          | 302L | 403 | 403 | -   | 403 | 403 | -
            POST /scorecards/{peer}/queries           | 302L | 403 | 403 | 403 | -   | -   | 403
            GET  /queries                             | 302L | 200 | 200 | 200 | 200 | 200 | 200
            POST /queries/{query}/answers             | 302L | 403 | 403 | 403 | 302 | 403 | 403
            GET  /departments                         | 302L | 200 | 403 | 403 | 200 | 200 | 200
            GET  /departments/{dept+}                 | 302L | 200 | -   | -   | 200 | 200 | 200
            GET  /departments/{dept-}                 | 302L | 403 | 403 | 403 | -   | -   | -
            GET  /cx                                  | 302L | 200 | 403 | 403 | 200 | 200 | 200
            GET  /metrics                             | 302L | 403 | 403 | 403 | 200 | 200 | 200
            GET  /rules                               | 302L | 403 | 403 | 403 | 200 | 200 | 200
            GET  /runs                                | 302L | 403 | 403 | 403 | 200 | 200 | 403
            GET  /runs/2026-Q3/exports/metrics.csv    | 302L | 403 | 403 | 403 | 200 | 200 | 200
            GET  /runs/2026-Q3/exports/payouts.csv    | 302L | 403 | 403 | 403 | 200 | 200 | 403
            GET  /runs/2026-Q3/exports/rejects.csv    | 302L | 403 | 403 | 403 | 200 | 200 | 403
            POST /runs/2026-Q1/approve                | 302L | 403 | 403 | 403 | 302 | 403 | 403
            POST /runs/2026-Q1/payroll                | 302L | 403 | 403 | 403 | 200 | 403 | 403
            GET  /audit                               | 302L | 403 | 403 | 403 | 200 | 200 | 403
            GET  /users                               | 302L | 403 | 403 | 403 | 200 | 403 | 403
            POST /users/create                        | 302L | 403 | 403 | 403 | 302 | 403 | 403
            POST /users/disable                       | 302L | 403 | 403 | 403 | 302 | 403 | 403
            POST /users/enable                        | 302L | 403 | 403 | 403 | 302 | 403 | 403
            POST /users/role                          | 302L | 403 | 403 | 403 | 302 | 403 | 403
            POST /users/link                          | 302L | 403 | 403 | 403 | 302 | 403 | 403
            POST /users/unlink                        | 302L | 403 | 403 | 403 | 302 | 403 | 403
            POST /users/reset                         | 302L | 403 | 403 | 403 | 302 | 403 | 403
            POST /users/import                        | 302L | 403 | 403 | 403 | 302 | 403 | 403
            GET  /views                               | 302L | 403 | 403 | 403 | 403 | 200 | 403
            GET  /my-views                            | 302L | 200 | 200 | 200 | 200 | 200 | 200
            GET  /activate?token=no-such-link         | 200  | 200 | 200 | 200 | 200 | 200 | 200
            POST /activate                            | 200  | 200 | 200 | 200 | 200 | 200 | 200
            GET  /no-access                           | 403  | 403 | 403 | 403 | 403 | 403 | 403
            GET  /anything-else                       | 302L | 403 | 403 | 403 | 403 | 403 | 403
            """;

    /** Per login: own employee, someone it may see, someone it may not, a department it may and may not open. */
    private static final Map<String, Map<String, String>> PLACES = Map.of(
            "anonymous", Map.of("own", "E7", "other", "E7", "peer", "E7", "dept+", "D2", "dept-", "D2"),
            "ben", Map.of("own", "E2", "other", "E7", "peer", "E10", "dept+", "D10", "dept-", "D3"),
            "eve", Map.of("own", "E5", "other", "E7", "peer", "E6", "dept+", "D10", "dept-", "D10"),
            "gus", Map.of("own", "E7", "other", "E7", "peer", "E8", "dept+", "D10", "dept-", "D10"),
            "hana", Map.of("own", "E11", "other", "E1", "peer", "E1", "dept+", "D3", "dept-", "D3"),
            "olga", Map.of("own", "E1", "other", "E1", "peer", "E1", "dept+", "D3", "dept-", "D3"),
            "ana", Map.of("own", "E10", "other", "E3", "peer", "E3", "dept+", "D3", "dept-", "D3"));

    @Autowired
    MockMvc mvc;

    @Autowired
    DatabaseUserDetailsService logins;

    @Autowired
    ScorecardQueries queries;

    @Autowired
    RunApproval approval;

    private static long queryId;

    @BeforeEach
    void loadQuartersAQueryAndAnApprovedQuarter(@Autowired QuarterlyRunner runner, @Autowired RunRegistry registry,
            @Autowired AppUsers users) {
        SmallCompanyQuarters.ensureLoaded(runner, registry, users);
        if (queryId == 0) {
            queryId = queries.raise("2026-Q3", "E7", registry.latestCalculated(SmallCompanyQuarters.Q3).orElseThrow().runId(),
                    "PAYOUT", "Payout amount", "Why so little?", "gus");
            // 2026-Q1 approved by someone who did not launch it, so that HR's payroll export of it answers 200
            approval.approve(Period.parse("2026-Q1"), "hr.bob");
        }
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void answersEveryLoginWithTheStatusItsRoleAndReachAllow(String endpoint, String login, String expected) throws Exception {
        MvcResult result = mvc.perform(request(endpoint, login)).andReturn();

        int status = result.getResponse().getStatus();
        if (expected.equals("302L")) {
            assertThat(status).isEqualTo(302);
            assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        } else {
            assertThat(status).as(endpoint + " as " + login).isEqualTo(Integer.parseInt(expected));
        }
    }

    @Test
    void refusesAWriteWithoutTheCsrfToken() throws Exception {
        int status = mvc.perform(post("/runs/2026-Q3/approve").with(user(logins.loadUserByUsername("hana"))))
                .andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
    }

    static Stream<Arguments> matrix() {
        List<String> rows = MATRIX.lines().filter(l -> !l.isBlank()).toList();
        List<String> logins = Stream.of(rows.get(0).split("\\|")).skip(1).map(h -> h.trim().split(" ")[0]).toList();
        List<Arguments> cells = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] columns = row.split("\\|");
            for (int i = 0; i < logins.size(); i++) {
                String expected = columns[i + 1].trim();
                if (!expected.equals("-")) {
                    cells.add(Arguments.of(columns[0].trim(), logins.get(i), expected));
                }
            }
        }
        return cells.stream();
    }

    private MockHttpServletRequestBuilder request(String endpoint, String login) {
        String[] parts = endpoint.split("\\s+");
        String path = parts[1];
        for (Map.Entry<String, String> place : PLACES.get(login).entrySet()) {
            path = path.replace("{" + place.getKey() + "}", place.getValue());
        }
        path = path.replace("{query}", String.valueOf(queryId));
        MockHttpServletRequestBuilder request;
        if (parts[0].equals("POST") && (path.startsWith("/users") || path.startsWith("/activate"))) {
            // changes that are refused on their merits (no such login, a quarter without a run, an unknown link): the
            // matrix proves who reaches them, not the change, and leaves the shared logins as they are
            request = post(path).with(csrf()).param("username", "no such login").param("role", "EMPLOYEE")
                    .param("employeeId", "E99").param("period", "2024-Q1").param("token", "no-such-link")
                    .param("password", "correct horse battery").param("confirm", "correct horse battery");
        } else {
            request = parts[0].equals("POST")
                    ? post(path).with(csrf()).param("period", "2026-Q3").param("line", "PAYOUT").param("body", "Please explain.")
                    : get(path);
        }
        return login.equals("anonymous") ? request : request.with(user(logins.loadUserByUsername(login)));
    }
}
