package org.promiseledger.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.promiseledger.support.OnMariaDb;

@OnMariaDb
class LedgerOnMariaDbFunctionalTests extends LedgerFunctionalTests {

    @Test
    void theDatabaseRefusesUpdatesAndDeletesOfLedgerRows() {
        for (String table : new String[] {"payout", "payout_line", "rule_trail", "payout_decision", "run_state", "audit_log"}) {
            assertThatThrownBy(() -> jdbc.update("UPDATE " + table + " SET id = id WHERE id > 0"))
                    .as(table).hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.update("DELETE FROM " + table + " WHERE id > 0"))
                    .as(table).hasMessageContaining("append-only");
        }
    }

    /** The triggers stop a plain UPDATE or DELETE; whoever tampers must drop them first, and is still caught. */
    @Override
    void tamper(String table, String sql) {
        jdbc.execute("DROP TRIGGER IF EXISTS " + table + "_no_update");
        jdbc.execute("DROP TRIGGER IF EXISTS " + table + "_no_delete");
        jdbc.update(sql);
    }
}
