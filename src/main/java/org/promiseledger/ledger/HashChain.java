package org.promiseledger.ledger;

import org.promiseledger.kernel.Sha256;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Tamper evidence: each ledger row carries SHA-256(previous row's hash + "|" + canonical content), chained per table
 * in insertion order. Canonical content is the table's business columns ({@link LedgerTable}) in a fixed order,
 * {@code name=value} joined by {@code |}, decimals as plain strings at their stored scale, null as empty; surrogate
 * ids and timestamps stay outside, so the same inputs and rules give the same hashes on any database and after any
 * restart.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private final LedgerTable table;
    private String last;

    public HashChain(LedgerTable table, String lastHash) {
        this.table = table;
        this.last = lastHash == null ? GENESIS : lastHash;
    }

    /** A row linked into the chain: its previous hash and its own. */
    public record Link(String previousHash, String rowHash) {
    }

    /** Links the next row, whose canonical values are given in {@link LedgerTable#canonicalColumns()} order. */
    public Link link(Object... canonicalValues) {
        // Arrays.asList, not List.of: a canonical value may be null (a proration line has no attainment), rendered empty
        // the text hashed is built in one builder, previous hash first: the ledger links every row it books
        StringBuilder text = new StringBuilder(last.length() + 256).append(last).append('|');
        Link link = new Link(last, Sha256.hex(appendCanonical(text, table, Arrays.asList(canonicalValues)).toString()));
        last = link.rowHash();
        return link;
    }

    public static String hash(LedgerTable table, String previousHash, List<?> canonicalValues) {
        return Sha256.hex(previousHash + "|" + canonical(table, canonicalValues));
    }

    /**
     * @param values the canonical columns' values, optionally followed by the segment columns' values
     *        ({@link LedgerTable#segmentColumns()}), which count only when one of them is set
     */
    public static String canonical(LedgerTable table, List<?> values) {
        return appendCanonical(new StringBuilder(192), table, values).toString();
    }

    private static StringBuilder appendCanonical(StringBuilder canonical, LedgerTable table, List<?> values) {
        List<String> columns = table.canonicalColumns();
        List<String> segmentColumns = table.segmentColumns();
        int base = columns.size();
        int withSegment = base + segmentColumns.size();
        if (values.size() != base && values.size() != withSegment) {
            throw new IllegalArgumentException(table + " has " + base + " canonical columns, got " + values.size());
        }
        // one builder, no intermediate lists or strings: the ledger hashes every row it books
        for (int i = 0; i < base; i++) {
            if (i > 0) {
                canonical.append('|');
            }
            render(canonical.append(columns.get(i)).append('='), values.get(i));
        }
        if (values.size() == withSegment && anySet(values, base, withSegment)) {
            for (int i = 0; i < segmentColumns.size(); i++) {
                render(canonical.append('|').append(segmentColumns.get(i)).append('='), values.get(base + i));
            }
        }
        return canonical;
    }

    private static boolean anySet(List<?> values, int from, int to) {
        for (int i = from; i < to; i++) {
            if (values.get(i) != null) {
                return true;
            }
        }
        return false;
    }

    /** Null as empty, a decimal as its plain string, an int without a string in between, anything else as its text. */
    private static void render(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Integer n) {
            out.append(n.intValue());
        } else {
            out.append(value);
        }
    }
}
