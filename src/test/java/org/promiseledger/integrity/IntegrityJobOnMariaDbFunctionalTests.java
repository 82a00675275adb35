package org.promiseledger.integrity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.promiseledger.support.OnMariaDb;
import org.springframework.dao.DataAccessException;

@OnMariaDb
class IntegrityJobOnMariaDbFunctionalTests extends IntegrityJobFunctionalTests {

    @Test
    void theDatabaseRefusesToChangeOrRemoveAReview() {
        jdbc.update("INSERT INTO integrity_review (period, run_id, touchpoint_id, signal_code, decision, reason, reviewed_by,"
                + " reviewed_at) VALUES ('2018-Q3', 0, 'T', 'TOP_BOX_SURGE', 'CLEARED', 'r', 'u', CURRENT_TIMESTAMP)");

        assertThatThrownBy(() -> jdbc.update("UPDATE integrity_review SET decision = 'EXCLUDED' WHERE period = '2018-Q3'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM integrity_review WHERE period = '2018-Q3'"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }
}
