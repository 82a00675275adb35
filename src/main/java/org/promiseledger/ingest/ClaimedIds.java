package org.promiseledger.ingest;

import java.nio.charset.StandardCharsets;

/**
 * The ids a file has claimed so far, in constant space per id: 4,096 open-addressing tables of 32-bit fingerprints,
 * the table chosen by 12 more bits of the id's 64-bit hash, so each id costs about 5–11 bytes (a set of strings costs
 * ~100, and a single table of 64-bit fingerprints needed 400 MB while doubling past 12 million ids — a 50-million-row
 * quarter has 25 million survey ids). The 44 bits together make a fingerprint match rare (about 20 suspects among 25
 * million distinct ids); a match is only a suspicion, which the caller confirms against the ids really staged, so the
 * check stays exact. Each table doubles on its own, so growing never holds two copies of everything.
 */
final class ClaimedIds {

    private static final int EMPTY = 0;
    private static final int TABLE_BITS = 12;

    private final int[][] tables = new int[1 << TABLE_BITS][];
    private final int[] sizes = new int[1 << TABLE_BITS];

    ClaimedIds() {
        for (int t = 0; t < tables.length; t++) {
            tables[t] = new int[16];
        }
    }

    /**
     * Claims the id; returns true when it is certainly new, false when its fingerprint was claimed before — a real
     * duplicate or, rarely, a different id with the same fingerprint, which only the caller can tell apart.
     */
    boolean claim(String id) {
        long hash = fingerprint(id);
        long mixed = mix(hash);
        int table = (int) (mixed >>> (64 - TABLE_BITS));
        int stored = (int) hash == EMPTY ? 1 : (int) hash;
        int[] slots = tables[table];
        int mask = slots.length - 1;
        int index = spread(stored) & mask;
        while (slots[index] != EMPTY) {
            if (slots[index] == stored) {
                return false;
            }
            index = (index + 1) & mask;
        }
        if ((sizes[table] + 1) * 4L > slots.length * 3L) {
            grow(table);
        }
        insert(table, stored);
        return true;
    }

    private void insert(int table, int stored) {
        int[] slots = tables[table];
        int mask = slots.length - 1;
        int index = spread(stored) & mask;
        while (slots[index] != EMPTY) {
            index = (index + 1) & mask;
        }
        slots[index] = stored;
        sizes[table]++;
    }

    /** Doubles one table; a slot is found from the stored fingerprint alone, so entries move without their ids. */
    private void grow(int table) {
        int[] old = tables[table];
        tables[table] = new int[old.length * 2];
        sizes[table] = 0;
        for (int stored : old) {
            if (stored != EMPTY) {
                insert(table, stored);
            }
        }
    }

    /** Where a fingerprint's probe starts: its bits mixed, so that nearby fingerprints do not crowd one run of slots. */
    private static int spread(int stored) {
        int x = stored * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    /** FNV-1a over the UTF-8 bytes, never 0 (0 marks an empty slot). */
    static long fingerprint(String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash == EMPTY ? 1L : hash;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
