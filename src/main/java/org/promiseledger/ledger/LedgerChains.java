package org.promiseledger.ledger;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where each chain stands, and the lock that keeps two writers from forking a chain. */
@Component
class LedgerChains {

    private static final String LEDGER_LOCK = "LEDGER";

    private final JdbcTemplate jdbc;

    LedgerChains(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks every chain head until the caller's transaction ends. */
    void lock() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM period_lock WHERE period = ?", Integer.class, LEDGER_LOCK) == 0) {
            try {
                jdbc.update("INSERT INTO period_lock (period) VALUES (?)", LEDGER_LOCK);
            } catch (DuplicateKeyException raced) {
                // another writer created it first: we lock it below all the same
            }
        }
        jdbc.queryForList("SELECT period FROM period_lock WHERE period = ? FOR UPDATE", LEDGER_LOCK);
    }

    HashChain continueChain(LedgerTable table) {
        List<String> last = jdbc.queryForList("SELECT row_hash FROM " + table.table() + " ORDER BY id DESC LIMIT 1", String.class);
        return new HashChain(table, last.isEmpty() ? null : last.get(0));
    }
}
