package org.promiseledger.web.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.promiseledger.support.OnMariaDb;
import org.promiseledger.web.identity.internal.LoginThrottle;

@OnMariaDb
class IdentityStoreOnMariaDbFunctionalTests extends IdentityStoreFunctionalTests {

    @Test
    void theDatabaseRefusesUpdatesAndDeletesOfTheViewLogAndOfFailedSignIns() {
        views.record("hr", null, "E1", "2026-Q3", PayViews.What.SCORECARD);
        new LoginThrottle(jdbc, java.time.Clock.systemUTC(), audit).failed("someone");
        for (String table : new String[] {"pay_view", "login_attempt"}) {
            assertThatThrownBy(() -> jdbc.update("UPDATE " + table + " SET id = id WHERE id > 0"))
                    .as(table).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("DELETE FROM " + table + " WHERE id > 0"))
                    .as(table).hasMessageContaining("append-only");
        }
    }
}
