package org.promiseledger.web.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.promiseledger.ledger.AuditLog;
import org.promiseledger.web.AppRole;
import org.promiseledger.web.identity.internal.ActivationLinks;
import org.promiseledger.web.identity.internal.LoginThrottle;
import org.promiseledger.web.identity.internal.LoginThrottleTests;
import org.promiseledger.web.identity.internal.SecuritySettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The identity tables on each database the product runs on (H2 and MariaDB subclasses): activation links used once and
 * expiring, the throttle's count, the view log's filters, and login names compared byte for byte.
 */
@SpringBootTest(properties = "promise-ledger.cli.enabled=false")
abstract class IdentityStoreFunctionalTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    UserAccounts accounts;

    @Autowired
    SecuritySettings settings;

    @Autowired
    PayViews views;

    private final LoginThrottleTests.MovingClock clock = new LoginThrottleTests.MovingClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

    @Test
    void anActivationLinkOpensItsLoginOnceAndOnlyUntilItExpires() {
        ActivationLinks links = new ActivationLinks(jdbc, clock, settings);
        String name = "link-" + UUID.randomUUID();
        accounts.insert(name, UserAccounts.noPasswordHash(), AppRole.EMPLOYEE, null);
        String once = token(links.issue(name, "hr"));
        String late = token(links.issue(name + "-other", "hr"));

        assertThat(links.usableFor(once)).contains(name);
        assertThat(links.consume(once)).contains(name);
        assertThat(links.consume(once)).isEmpty();
        assertThat(links.usableFor(once)).isEmpty();

        clock.move(settings.activationValidity().minusSeconds(1));
        assertThat(links.usableFor(late)).isPresent();
        clock.move(Duration.ofSeconds(1));
        assertThat(links.usableFor(late)).isEmpty();
        assertThat(links.consume(late)).isEmpty();
    }

    @Test
    void theThrottleCountsFailuresOfOneLoginOnThisDatabase() {
        LoginThrottle throttle = new LoginThrottle(jdbc, clock, audit);
        String name = "count-" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            throttle.failed(name);
        }
        throttle.failed(name.toUpperCase());
        assertThat(throttle.waitingUntil(name)).isEmpty();

        throttle.failed(name);

        assertThat(throttle.waitingUntil(name)).contains(clock.instant().plus(LoginThrottle.WAIT));
        assertThat(throttle.waitingUntil(name.toUpperCase())).isEmpty();
    }

    @Test
    void loginNamesDifferingOnlyInLetterCaseAreDifferentLogins() {
        String name = "case-" + UUID.randomUUID();
        accounts.create("hr", name, AppRole.EMPLOYEE, "E1", "a long and quiet passphrase");
        accounts.create("hr", name.toUpperCase(), AppRole.ANALYST, null, "another long quiet passphrase");

        assertThat(accounts.find(name)).map(UserAccounts.Account::role).contains(AppRole.EMPLOYEE);
        assertThat(accounts.find(name.toUpperCase())).map(UserAccounts.Account::role).contains(AppRole.ANALYST);
    }

    @Test
    void theViewLogFiltersByViewerSubjectAndQuarterNewestFirst() {
        String subject = "S-" + UUID.randomUUID().toString().substring(0, 8);
        views.record("hr", null, subject, "2026-Q2", PayViews.What.SCORECARD);
        views.record("boss", "E1", subject, "2026-Q3", PayViews.What.STATEMENT);
        views.record("boss", "E1", subject, "2026-Q2", PayViews.What.CHART_POINT);
        views.record("self", subject, subject, "2026-Q3", PayViews.What.SCORECARD);

        assertThat(views.of(subject)).extracting(PayViews.View::viewer, PayViews.View::period, PayViews.View::what)
                .containsExactly(tuple("boss", "2026-Q2", PayViews.What.CHART_POINT),
                        tuple("boss", "2026-Q3", PayViews.What.STATEMENT), tuple("hr", "2026-Q2", PayViews.What.SCORECARD));
        assertThat(views.find(new PayViews.Filter("boss", subject, "2026-Q3"))).extracting(PayViews.View::what)
                .containsExactly(PayViews.What.STATEMENT);
    }

    private static String token(ActivationLinks.Issued link) {
        return link.url().substring(link.url().indexOf("token=") + "token=".length());
    }
}
