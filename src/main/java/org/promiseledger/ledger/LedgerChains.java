package org.promiseledger.ledger;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where each chain stands, and the lock that keeps two writers from forking a chain. */
@Component
class LedgerChains {

    private final JdbcTemplate jdbc;
    private final ChainWriterLock writerLock;

    LedgerChains(JdbcTemplate jdbc, ChainWriterLock writerLock) {
        this.jdbc = jdbc;
        this.writerLock = writerLock;
    }

    /** Locks every chain head until the caller's transaction ends. */
    void lock() {
        writerLock.lockUntilCommit();
    }

    HashChain continueChain(LedgerTable table) {
        List<String> last = jdbc.queryForList("SELECT row_hash FROM " + table.table() + " ORDER BY id DESC LIMIT 1", String.class);
        return new HashChain(table, last.isEmpty() ? null : last.get(0));
    }
}
