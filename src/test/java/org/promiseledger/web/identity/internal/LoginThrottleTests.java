package org.promiseledger.web.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.support.OnH2;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The throttle of docs/ on the real tables: 5 failures within 15 minutes, then a 15-minute wait, on a clock we move. */
@SpringBootTest(properties = "promise-ledger.cli.enabled=false")
@OnH2
public class LoginThrottleTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    private MovingClock clock;
    private ThrottledAuthenticationProvider signIn;
    private LoginThrottle throttle;
    private String login;

    @BeforeEach
    void aLoginWithAKnownPassword(org.junit.jupiter.api.TestInfo test) {
        clock = new MovingClock(Instant.parse("2026-10-01T09:00:00Z"));
        throttle = new LoginThrottle(jdbc, clock, audit);
        login = "tess-" + test.getTestMethod().orElseThrow().getName().hashCode();
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername(login).password("{noop}the right password").roles("EMPLOYEE").build()));
        signIn = new ThrottledAuthenticationProvider(passwords, throttle);
    }

    @Test
    void refusesEvenTheRightPasswordAfterFiveFailuresWithinFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            clock.move(Duration.ofMinutes(2));
            assertThatThrownBy(() -> signIn.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn.authenticate(attempt("the right password"))).isInstanceOf(LoginThrottledException.class);
        assertThat(throttle.waitingUntil(login)).contains(clock.instant().plus(Duration.ofMinutes(15)));
    }

    @Test
    void letsTheRightPasswordInAgainAfterTheFifteenMinuteWait() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        clock.move(Duration.ofMinutes(14).plusSeconds(59));
        assertThatThrownBy(() -> signIn.authenticate(attempt("the right password"))).isInstanceOf(LoginThrottledException.class);

        clock.move(Duration.ofSeconds(1));
        Authentication in = signIn.authenticate(attempt("the right password"));

        assertThat(in.isAuthenticated()).isTrue();
    }

    @Test
    void fourFailuresDoNotThrottle() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }

        assertThat(signIn.authenticate(attempt("the right password")).isAuthenticated()).isTrue();
    }

    @Test
    void countsOnlyFailuresOfTheLastFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        clock.move(Duration.ofMinutes(15).plusSeconds(1));
        assertThatThrownBy(() -> signIn.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);

        assertThat(throttle.waitingUntil(login)).isEmpty();
        assertThat(signIn.authenticate(attempt("the right password")).isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessfulSignInStartsTheCountAfresh() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        signIn.authenticate(attempt("the right password"));
        assertThatThrownBy(() -> signIn.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);

        assertThat(throttle.waitingUntil(login)).isEmpty();
    }

    @Test
    void throttlesOneLoginOnlyAndAuditsTheFailuresTheLockAndTheRefusal() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("wrong"))).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> signIn.authenticate(attempt("the right password"))).isInstanceOf(LoginThrottledException.class);

        assertThat(throttle.waitingUntil("someone-else")).isEmpty();
        assertThat(audit.entries(null).stream().filter(e -> e.actor().equals(login)).map(AuditLog.Entry::action))
                .containsExactly("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_LOCKED",
                        "LOGIN_THROTTLED");
    }

    private UsernamePasswordAuthenticationToken attempt(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(login, password);
    }

    public static final class MovingClock extends Clock {
        private Instant now;

        public MovingClock(Instant start) {
            now = start;
        }

        public void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
