package org.promiseledger.web.internal;

import org.promiseledger.web.AppRole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.promiseledger.web.identity.internal.LoginThrottle;
import org.promiseledger.ledger.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The issue as a new user met it: 30 wrong passwords, then the right one — now refused, with a plain message. */
@WebFunctionalTest
class SignInThrottlingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUsers users;

    @Autowired
    AuditLog audit;

    @Autowired
    LoginThrottle throttle;

    @Test
    void thirtyWrongPasswordsThenTheRightOneIsRefusedWithAPlainMessageOnTheSignInPage() throws Exception {
        users.save("theo", "the right passphrase", AppRole.HR, null);

        for (int i = 1; i <= 30; i++) {
            String landing = signIn("theo", "wrong " + i);
            assertThat(landing).as("attempt " + i).isEqualTo(i <= 5 ? "/login?error" : "/login?throttled");
        }
        String withTheRightPassword = signIn("theo", "the right passphrase");

        assertThat(withTheRightPassword).isEqualTo("/login?throttled");
        String page = mvc.perform(get(withTheRightPassword)).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).getElementById("login-throttled").text())
                .isEqualTo("Too many failed sign-ins for this login. It is locked for 15 minutes; try again after that.");
        assertThat(throttle.waitingUntil("theo")).isPresent();
        assertThat(audit.entries(null).stream().filter(e -> e.actor().equals("theo")).map(AuditLog.Entry::action).distinct())
                .containsExactly("LOGIN_FAILED", "LOGIN_LOCKED", "LOGIN_THROTTLED");
    }

    @Test
    void anotherLoginIsNotHeldUpBySomeoneElsesThrottle() throws Exception {
        users.save("uma", "uma's own passphrase", AppRole.ANALYST, null);
        users.save("vic", "vic's own passphrase", AppRole.ANALYST, null);
        for (int i = 0; i < 5; i++) {
            signIn("uma", "wrong");
        }

        assertThat(signIn("vic", "vic's own passphrase")).isEqualTo("/");
        assertThat(signIn("uma", "uma's own passphrase")).isEqualTo("/login?throttled");
    }

    private String signIn(String username, String password) throws Exception {
        return mvc.perform(formLogin().user(username).password(password)).andReturn().getResponse().getRedirectedUrl();
    }
}
