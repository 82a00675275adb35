package org.promiseledger.web.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Instant;

import org.apache.catalina.Context;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.promiseledger.web.AppRole;
import org.promiseledger.web.SignedInUser;
import org.promiseledger.web.identity.internal.SecuritySettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.ldap.server.UnboundIdContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * login: ldap against a directory speaking the real LDAP protocol (UnboundID in this process, as Spring Security's
 * own LDAP tests run it) loaded from identity/directory.ldif: bind with the person's directory password, groups to
 * roles, employeeNumber to the employee; no mapped group, no access; the throttle holds for directory logins too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "promise-ledger.cli.enabled=false",
        "spring.main.web-application-type=servlet",
        "spring.datasource.url=jdbc:h2:mem:ldap-${random.uuid};MODE=MySQL;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "promise-ledger.security.login=ldap",
        "promise-ledger.security.session-timeout=7m",
        "promise-ledger.security.ldap.user-dn-pattern=uid={0},ou=people",
        "promise-ledger.security.ldap.group-search-base=ou=groups",
        "promise-ledger.security.ldap.roles.HR=compensation",
        "promise-ledger.security.ldap.roles.EXECUTIVE=executives",
        "promise-ledger.security.ldap.roles.EMPLOYEE=staff,contractors"})
@AutoConfigureMockMvc
class LdapLoginTests {

    private static final String BASE = "dc=promiseledger,dc=test";
    private static UnboundIdContainer directory;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry settings) {
        settings.add("promise-ledger.security.ldap.url", () -> "ldap://localhost:" + startedDirectory().getPort() + "/" + BASE);
    }

    private static synchronized UnboundIdContainer startedDirectory() {
        if (directory == null) {
            UnboundIdContainer server = new UnboundIdContainer(BASE, "classpath:identity/directory.ldif");
            server.setApplicationContext(new StaticApplicationContext());
            server.setPort(freePort());
            server.afterPropertiesSet();
            directory = server;
        }
        return directory;
    }

    private static int freePort() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopDirectory() {
        if (directory != null) {
            directory.destroy();
        }
    }

    @Test
    void signsInWithTheDirectoryPasswordTakingTheRoleFromAGroupAndTheEmployeeFromAnAttribute() throws Exception {
        MvcResult result = mvc.perform(formLogin().user("gus").password("gus-in-the-directory"))
                .andExpect(authenticated().withRoles("EMPLOYEE")).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        SignedInUser gus = principal(result);
        assertThat(gus.getUsername()).isEqualTo("gus");
        assertThat(gus.role()).isEqualTo(AppRole.EMPLOYEE);
        assertThat(gus.employeeId()).isEqualTo("E7");
    }

    @Test
    void givesAPersonInGroupsOfSeveralRolesTheWidestAndMatchesGroupNamesWithoutCase() throws Exception {
        MvcResult hana = mvc.perform(formLogin().user("hana").password("hana-in-the-directory"))
                .andExpect(authenticated().withRoles("HR")).andReturn();
        MvcResult ben = mvc.perform(formLogin().user("ben").password("ben-in-the-directory"))
                .andExpect(authenticated().withRoles("EXECUTIVE")).andReturn();

        assertThat(principal(hana).employeeId()).isEqualTo("E11");
        assertThat(principal(ben).employeeId()).isEqualTo("E2");
    }

    @Test
    void sendsADirectoryUserWithoutAMappedGroupToAClearNoAccessPage() throws Exception {
        MvcResult result = mvc.perform(formLogin().user("zed").password("zed-in-the-directory")).andExpect(unauthenticated())
                .andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/no-access");
        MvcResult page = mvc.perform(get("/no-access")).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(403);
        assertThat(Jsoup.parse(page.getResponse().getContentAsString()).getElementById("no-access").text())
                .contains("none of your groups gives a role in Promise Ledger");
    }

    @Test
    void refusesAWrongDirectoryPasswordAndIgnoresLocalLogins() throws Exception {
        jdbc.update("INSERT INTO app_user (username, password_hash, role, employee_id, created_at, enabled) VALUES (?, ?, ?, ?, ?, TRUE)",
                "ben", new BCryptPasswordEncoder().encode("a local password of ben"), "HR", null, Timestamp.from(Instant.now()));

        assertThat(mvc.perform(formLogin().user("gus").password("not the directory password")).andExpect(unauthenticated())
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(mvc.perform(formLogin().user("ben").password("a local password of ben")).andExpect(unauthenticated())
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void throttlesADirectoryLoginAfterFiveFailures() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("ivy").password("guess " + i)).andExpect(unauthenticated());
        }

        assertThat(mvc.perform(formLogin().user("ivy").password("ivy-in-the-directory")).andExpect(unauthenticated())
                .andReturn().getResponse().getRedirectedUrl()).isEqualTo("/login?throttled");
    }

    /** The other way to find the person: a search as a service account, where DNs follow no single pattern. */
    @Test
    void findsThePersonBySearchAsAServiceAccountWhenNoDnPatternIsSet() {
        SecuritySettings.Ldap bySearch = new SecuritySettings.Ldap("ldap://localhost:" + startedDirectory().getPort() + "/" + BASE,
                null, "ou=people", "(uid={0})", "uid=admin,ou=system", "secret", "ou=groups", "(member={0})", "cn",
                "employeeNumber", java.util.Map.of(AppRole.EMPLOYEE, java.util.List.of("contractors")));
        var provider = LoginChain.directory(bySearch);

        var signedIn = provider.authenticate(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                .unauthenticated("ivy", "ivy-in-the-directory"));

        SignedInUser ivy = (SignedInUser) signedIn.getPrincipal();
        assertThat(ivy.role()).isEqualTo(AppRole.EMPLOYEE);
        assertThat(ivy.employeeId()).isEqualTo("E12");
    }

    @Test
    void idleSessionsEndAfterTheConfiguredTimeout(@Autowired ServletWebServerApplicationContext context) {
        TomcatWebServer tomcat = (TomcatWebServer) context.getWebServer();
        Context app = (Context) tomcat.getTomcat().getHost().findChildren()[0];

        assertThat(app.getSessionTimeout()).isEqualTo(7);
    }

    private static SignedInUser principal(MvcResult result) {
        var context = (org.springframework.security.core.context.SecurityContext) result.getRequest().getSession()
                .getAttribute("SPRING_SECURITY_CONTEXT");
        return (SignedInUser) context.getAuthentication().getPrincipal();
    }
}
