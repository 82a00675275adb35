package org.promiseledger.runs.internal;

import org.promiseledger.ledger.ChainWriterLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger's chain lock, kept as a row of period_lock named LEDGER (no quarter is named so) and locked FOR UPDATE in
 * the caller's transaction, so it is released at commit or rollback, and by the database when a process dies.
 */
@Component
class LedgerWriterLock implements ChainWriterLock {

    private static final String LEDGER_LOCK = "LEDGER";

    private final JdbcTemplate jdbc;

    LedgerWriterLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockUntilCommit() {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM period_lock WHERE period = ?", Integer.class, LEDGER_LOCK) == 0) {
            try {
                jdbc.update("INSERT INTO period_lock (period) VALUES (?)", LEDGER_LOCK);
            } catch (DuplicateKeyException raced) {
                // another writer created it first: we lock it below all the same
            }
        }
        jdbc.queryForList("SELECT period FROM period_lock WHERE period = ? FOR UPDATE", LEDGER_LOCK);
    }
}
