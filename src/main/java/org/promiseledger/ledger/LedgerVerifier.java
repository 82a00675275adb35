package org.promiseledger.ledger;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes every hash chain from the first row and names, per table, the first row that does not match: a row
 * whose content was changed, or whose previous-hash no longer points at the row before it (a row deleted, inserted
 * or reordered).
 */
@Component
public class LedgerVerifier {

    /** The state of one table's chain: how many rows were checked, and the first break, if any. */
    public record TableCheck(LedgerTable table, long rows, Break firstBreak) {
        public boolean intact() {
            return firstBreak == null;
        }
    }

    /** The first row of a table that does not match, and what differs. */
    public record Break(long id, String whatDiffers) {
    }

    private final JdbcTemplate jdbc;

    LedgerVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<TableCheck> verify() {
        List<TableCheck> checks = new ArrayList<>();
        for (LedgerTable table : LedgerTable.values()) {
            checks.add(verify(table));
        }
        return checks;
    }

    TableCheck verify(LedgerTable table) {
        List<String> columns = new ArrayList<>(table.canonicalColumns());
        columns.addAll(table.segmentColumns());
        String sql = "SELECT id, prev_hash, row_hash, " + String.join(", ", columns) + " FROM " + table.table() + " ORDER BY id";
        long[] rows = {0};
        String[] expectedPrevious = {HashChain.GENESIS};
        long[] previousId = {0};
        Break[] first = {null};
        jdbc.query(sql, rs -> {
            if (first[0] != null) {
                return;
            }
            rows[0]++;
            long id = rs.getLong(1);
            String previous = rs.getString(2);
            String stored = rs.getString(3);
            List<Object> values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                values.add(rs.getObject(4 + i));
            }
            if (!expectedPrevious[0].equals(previous)) {
                first[0] = new Break(id, previousId[0] == 0
                        ? "prev_hash should be the genesis hash: rows before it were deleted"
                        : "prev_hash does not match the hash of row " + previousId[0]
                                + ": a row was deleted, inserted or reordered between them");
                return;
            }
            String computed = HashChain.hash(table, previous, values);
            if (!computed.equals(stored)) {
                first[0] = new Break(id, "content does not match row_hash: a column was changed; the row now reads "
                        + HashChain.canonical(table, values));
                return;
            }
            expectedPrevious[0] = stored;
            previousId[0] = id;
        });
        return new TableCheck(table, rows[0], first[0]);
    }
}
