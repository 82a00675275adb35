package org.promiseledger.ledger.internal;

import java.util.List;

import org.promiseledger.ledger.ChainWriterLock;
import org.promiseledger.ledger.HashChain;
import org.promiseledger.ledger.LedgerTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where each chain stands, and the lock that keeps two writers from forking a chain. Public for the ledger's writers
 * in {@code org.promiseledger.ledger} (payouts and adjustments); nothing outside the ledger uses it.
 */
@Component
public class LedgerChains {

    private final JdbcTemplate jdbc;
    private final ChainWriterLock writerLock;

    /** Spring-built; {@code writerLock} is the run's period lock seen through ledger's port. */
    public LedgerChains(JdbcTemplate jdbc, ChainWriterLock writerLock) {
        this.jdbc = jdbc;
        this.writerLock = writerLock;
    }

    /** Locks every chain head until the caller's transaction ends. */
    public void lock() {
        writerLock.lockUntilCommit();
    }

    /**
     * A chain continuing from the last row of {@code table} (by id), or from the genesis hash when the table is empty.
     * Call after {@link #lock()} in the same transaction, or two writers may continue from the same row.
     */
    public HashChain continueChain(LedgerTable table) {
        List<String> last = jdbc.queryForList("SELECT row_hash FROM " + table.table() + " ORDER BY id DESC LIMIT 1", String.class);
        return new HashChain(table, last.isEmpty() ? null : last.get(0));
    }
}
