package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promiseledger.web.identity.internal.ActivationLinks;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.runs.QuarterlyRunner;
import org.promiseledger.runs.RunRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * HR's Users page through the real security chain: creating logins with one-time links, activation (single use,
 * expiring), disabling, role changes, employee links, password resets, the bulk import as CSV, each audited; and an
 * HR user who cannot change their own login. Logins made here have names of their own, so other tests keep theirs.
 */
@WebFunctionalTest
class UsersPageTests {

    private static final String GOOD_PASSWORD = "violet lanterns at dusk";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DatabaseUserDetailsService logins;

    @Autowired
    AppUsers users;

    @Autowired
    AuditLog audit;

    @BeforeEach
    void loadQuarters(@Autowired QuarterlyRunner runner, @Autowired RunRegistry registry) {
        SmallCompanyQuarters.ensureLoaded(runner, registry, users);
    }

    @Test
    void hrCreatesALoginWhoseOwnerChoosesAPasswordOnceThroughItsLinkAndSignsIn() throws Exception {
        ActivationLinks.Issued link = create("nina", "EMPLOYEE", "E8");
        assertThat(link.url()).startsWith("http://localhost:8080/activate?token=");
        String token = token(link);

        Document form = Jsoup.parse(mvc.perform(get("/activate").param("token", token)).andReturn().getResponse().getContentAsString());
        assertThat(form.getElementById("activate-username").text()).isEqualTo("nina");
        assertThat(activate(token, "short pw").getElementById("refusal").text()).contains("at least 12 characters");
        assertThat(signIn("nina", GOOD_PASSWORD)).isEqualTo("/login?error");

        assertThat(activate(token, GOOD_PASSWORD).getElementById("activated").text()).contains("nina");

        assertThat(signIn("nina", GOOD_PASSWORD)).isEqualTo("/");
        assertThat(activate(token, "another long passphrase").getElementById("refusal").text())
                .contains("cannot be used: it was used already");
        assertThat(signIn("nina", "another long passphrase")).isEqualTo("/login?error");
        assertThat(actions("nina")).containsExactly("USER_CREATED by hana", "USER_ACTIVATED by nina");
        assertThat(jdbc.queryForList("SELECT token_hash FROM activation_link WHERE username = 'nina'", String.class))
                .hasSize(1).doesNotContain(token).allMatch(h -> h.matches("[0-9a-f]{64}"));
    }

    @Test
    void anExpiredLinkOpensNothing() throws Exception {
        String token = token(create("otto", "EMPLOYEE", null));
        jdbc.update("UPDATE activation_link SET expires_at = created_at WHERE username = 'otto'");

        Document page = Jsoup.parse(mvc.perform(get("/activate").param("token", token)).andReturn().getResponse().getContentAsString());
        assertThat(page.getElementById("refusal").text()).contains("cannot be used");
        assertThat(page.getElementById("activate-form")).isNull();
        assertThat(activate(token, GOOD_PASSWORD).getElementById("refusal").text()).contains("has expired");
        assertThat(signIn("otto", GOOD_PASSWORD)).isEqualTo("/login?error");
    }

    @Test
    void aPasswordResetStopsTheOldPasswordAndItsLinkRetiresOlderLinks() throws Exception {
        String first = token(create("pia", "ANALYST", null));
        activate(first, GOOD_PASSWORD);
        assertThat(signIn("pia", GOOD_PASSWORD)).isEqualTo("/");

        MvcResult reset = mvc.perform(post("/users/reset").with(csrf()).with(hr()).param("username", "pia")).andReturn();
        String second = token((ActivationLinks.Issued) reset.getFlashMap().get("issued"));
        MvcResult again = mvc.perform(post("/users/reset").with(csrf()).with(hr()).param("username", "pia")).andReturn();
        String third = token((ActivationLinks.Issued) again.getFlashMap().get("issued"));

        assertThat(signIn("pia", GOOD_PASSWORD)).isEqualTo("/login?error");
        assertThat(activate(second, "a brand new passphrase").getElementById("refusal")).isNotNull();
        assertThat(activate(third, "a brand new passphrase").getElementById("activated")).isNotNull();
        assertThat(signIn("pia", "a brand new passphrase")).isEqualTo("/");
        assertThat(actions("pia")).containsSubsequence("USER_PASSWORD_RESET by hana", "USER_PASSWORD_RESET by hana");
    }

    @Test
    void aDisabledLoginCannotSignInUntilEnabledAgain() throws Exception {
        users.save("dora", GOOD_PASSWORD, AppRole.EMPLOYEE, "E9");
        assertThat(signIn("dora", GOOD_PASSWORD)).isEqualTo("/");

        mvc.perform(post("/users/disable").with(csrf()).with(hr()).param("username", "dora"));
        assertThat(signIn("dora", GOOD_PASSWORD)).isEqualTo("/login?error");
        Document page = usersPage();
        assertThat(page.selectFirst("#users tr[data-username=dora] .state").text()).isEqualTo("disabled");

        mvc.perform(post("/users/enable").with(csrf()).with(hr()).param("username", "dora"));
        assertThat(signIn("dora", GOOD_PASSWORD)).isEqualTo("/");
        assertThat(actions("dora")).containsExactly("USER_DISABLED by hana", "USER_ENABLED by hana");
    }

    @Test
    void aChangeToALoginEndsItsOpenSessionsAtOnce() throws Exception {
        users.save("sara", GOOD_PASSWORD, AppRole.HR, null);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user("sara").password(GOOD_PASSWORD)).andReturn()
                .getRequest().getSession();
        assertThat(mvc.perform(get("/users").session(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

        mvc.perform(post("/users/role").with(csrf()).with(hr()).param("username", "sara").param("role", "EMPLOYEE"));

        MvcResult afterwards = mvc.perform(get("/users").session(session)).andReturn();
        assertThat(afterwards.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(Jsoup.parse(mvc.perform(get("/login?expired")).andReturn().getResponse().getContentAsString())
                .getElementById("login-expired").text()).startsWith("Your login was changed by HR");
        MockHttpSession again = (MockHttpSession) mvc.perform(formLogin().user("sara").password(GOOD_PASSWORD)).andReturn()
                .getRequest().getSession();
        assertThat(mvc.perform(get("/users").session(again)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void roleChangesAndEmployeeLinksAreAppliedListedAndAudited() throws Exception {
        users.save("ravi", GOOD_PASSWORD, AppRole.EMPLOYEE, null);

        mvc.perform(post("/users/role").with(csrf()).with(hr()).param("username", "ravi").param("role", "ANALYST"));
        mvc.perform(post("/users/link").with(csrf()).with(hr()).param("username", "ravi").param("employeeId", " E3 "));

        Document page = usersPage();
        assertThat(page.selectFirst("#users tr[data-username=ravi] .role").text()).isEqualTo("ANALYST");
        assertThat(page.selectFirst("#users tr[data-username=ravi] .employee").text()).isEqualTo("E3");
        assertThat(logins.loadUserByUsername("ravi").viewer()).isEqualTo(new Viewer("ravi", AppRole.ANALYST, "E3"));

        mvc.perform(post("/users/unlink").with(csrf()).with(hr()).param("username", "ravi"));
        assertThat(logins.loadUserByUsername("ravi").employeeId()).isNull();
        assertThat(audit.entries(null).stream().filter(e -> e.details() != null && e.details().startsWith("ravi:"))
                .map(e -> e.action() + " " + e.details())).containsExactly("USER_ROLE_CHANGED ravi: EMPLOYEE -> ANALYST",
                "USER_LINKED ravi: employee none -> E3", "USER_UNLINKED ravi: was employee E3");
    }

    @Test
    void anHrUserCannotChangeTheirOwnLogin() throws Exception {
        int before = audit.entries(null).size();

        MvcResult raise = mvc.perform(post("/users/role").with(csrf()).with(hr()).param("username", "hana")
                .param("role", "AUDITOR")).andReturn();
        mvc.perform(post("/users/link").with(csrf()).with(hr()).param("username", "hana").param("employeeId", "E1"));
        mvc.perform(post("/users/reset").with(csrf()).with(hr()).param("username", "hana"));

        assertThat(raise.getFlashMap().get("refusal")).isEqualTo("You cannot change your own login: ask another HR user.");
        assertThat(logins.loadUserByUsername("hana").viewer()).isEqualTo(new Viewer("hana", AppRole.HR, "E11"));
        assertThat(signIn("hana", SmallCompanyQuarters.PASSWORD)).isEqualTo("/");
        assertThat(audit.entries(null)).hasSize(before);
        assertThat(usersPage().selectFirst("#users tr[data-username=hana]").text()).contains("your own login");
    }

    @Test
    void importsOneLoginPerEmployeeWithTheRoleOfTheFileAsASpreadsheetSafeCsvOfLinks() throws Exception {
        MvcResult result = mvc.perform(post("/users/import").with(csrf()).with(hr()).param("period", "2026-Q3")).andReturn();

        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("activation-links-2026-Q3.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(result.getResponse().getContentAsString(StandardCharsets.UTF_8))).getRecords();
        long run = jdbc.queryForObject("SELECT MAX(run_id) FROM in_employee", Long.class);
        Map<String, String> fileRoles = jdbc.queryForList("SELECT employee_id, role FROM in_employee WHERE run_id = ?", run)
                .stream().collect(Collectors.toMap(r -> (String) r.get("employee_id"), r -> (String) r.get("role"), (a, b) -> b));
        List<String> linkedBefore = List.of("E2", "E5", "E7", "E10", "E11");
        assertThat(rows).extracting(r -> r.get("employee_id")).doesNotContainAnyElementsOf(linkedBefore)
                .hasSizeGreaterThanOrEqualTo(fileRoles.size() - linkedBefore.size() - 2);
        for (CSVRecord row : rows) {
            String fileRole = fileRoles.get(row.get("employee_id"));
            assertThat(row.get("role")).isEqualTo(fileRole.equals("EXECUTIVE") ? "EXECUTIVE" : "EMPLOYEE");
            assertThat(row.get("username")).isEqualTo(row.get("employee_id"));
            assertThat(logins.loadUserByUsername(row.get("username")).employeeId()).isEqualTo(row.get("employee_id"));
        }
        CSVRecord first = rows.get(0);
        assertThat(activate(first.get("activation_link").substring(first.get("activation_link").indexOf("token=") + 6),
                GOOD_PASSWORD).getElementById("activated")).isNotNull();

        MvcResult again = mvc.perform(post("/users/import").with(csrf()).with(hr()).param("period", "2026-Q3")).andReturn();
        assertThat(again.getResponse().getContentAsString().lines().count()).isEqualTo(1);
        assertThat(audit.entries("2026-Q3").stream().filter(e -> e.action().equals("USERS_IMPORTED")).map(AuditLog.Entry::details))
                .last().asString().startsWith("0 logins created from employees.csv");
    }

    @Test
    void findsLoginsByTheStartOfTheirNameOrEmployee() throws Exception {
        users.save("zoe.find", GOOD_PASSWORD, AppRole.EMPLOYEE, "EZ1");
        users.save("zack.find", GOOD_PASSWORD, AppRole.EMPLOYEE, "EZ2");

        Document byName = Jsoup.parse(mvc.perform(get("/users").param("q", "zoe.")).andReturn().getResponse().getContentAsString());
        assertThat(Jsoup.parse(mvc.perform(get("/users").param("q", "zoe.").with(hr())).andReturn().getResponse()
                .getContentAsString()).select("#users .username").eachText()).containsExactly("zoe.find");
        assertThat(Jsoup.parse(mvc.perform(get("/users").param("q", "EZ").with(hr())).andReturn().getResponse()
                .getContentAsString()).select("#users .username").eachText()).containsExactly("zack.find", "zoe.find");
        assertThat(Jsoup.parse(mvc.perform(get("/users").param("q", "%").with(hr())).andReturn().getResponse()
                .getContentAsString()).select("#users .username").eachText()).isEmpty();
        assertThat(byName.getElementById("users")).as("not signed in: the sign-in page").isNull();
    }

    @Test
    void refusesAnImportOfAQuarterWithoutARun() throws Exception {
        MvcResult result = mvc.perform(post("/users/import").with(csrf()).with(hr()).param("period", "2024-Q1")).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/users");
        assertThat(result.getFlashMap().get("refusal")).asString().startsWith("No calculated run of 2024-Q1");
    }

    private ActivationLinks.Issued create(String username, String role, String employee) throws Exception {
        var request = post("/users/create").with(csrf()).with(hr()).param("username", username).param("role", role);
        if (employee != null) {
            request.param("employeeId", employee);
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getFlashMap().get("refusal")).isNull();
        return (ActivationLinks.Issued) result.getFlashMap().get("issued");
    }

    private static String token(ActivationLinks.Issued link) {
        return link.url().substring(link.url().indexOf("token=") + "token=".length());
    }

    private Document activate(String token, String password) throws Exception {
        return Jsoup.parse(mvc.perform(post("/activate").with(csrf()).param("token", token).param("password", password)
                .param("confirm", password)).andReturn().getResponse().getContentAsString());
    }

    private String signIn(String username, String password) throws Exception {
        return mvc.perform(formLogin().user(username).password(password)).andReturn().getResponse().getRedirectedUrl();
    }

    private Document usersPage() throws Exception {
        return Jsoup.parse(mvc.perform(get("/users").with(hr())).andReturn().getResponse().getContentAsString());
    }

    private List<String> actions(String username) {
        return audit.entries(null).stream().filter(e -> e.details() != null && e.details().startsWith(username + ":")
                || e.details() != null && e.details().startsWith(username + " ")).map(e -> e.action() + " by " + e.actor()).toList();
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor hr() {
        return user(logins.loadUserByUsername("hana"));
    }
}
