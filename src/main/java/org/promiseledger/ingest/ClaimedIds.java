package org.promiseledger.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ids a file has claimed so far, in constant space per id: 64-bit fingerprints in an open-addressing table
 * (about 16 bytes an id instead of ~100 for a set of strings, which matters at millions of survey ids). A
 * fingerprint match is only a suspicion; the caller confirms it against the ids really staged, so the check stays
 * exact.
 */
final class ClaimedIds {

    private static final long EMPTY = 0L;

    private long[] slots = new long[1 << 16];
    private int size;

    /**
     * Claims the id; returns true when it is certainly new, false when its fingerprint was claimed before — a real
     * duplicate or, very rarely, a different id with the same fingerprint, which only the caller can tell apart.
     */
    boolean claim(String id) {
        long fingerprint = fingerprint(id);
        int mask = slots.length - 1;
        int index = (int) mix(fingerprint) & mask;
        while (slots[index] != EMPTY) {
            if (slots[index] == fingerprint) {
                return false;
            }
            index = (index + 1) & mask;
        }
        insert(fingerprint);
        return true;
    }

    private void insert(long fingerprint) {
        if ((size + 1) * 4L > slots.length * 3L) {
            grow();
        }
        int mask = slots.length - 1;
        int index = (int) mix(fingerprint) & mask;
        while (slots[index] != EMPTY && slots[index] != fingerprint) {
            index = (index + 1) & mask;
        }
        if (slots[index] == EMPTY) {
            slots[index] = fingerprint;
            size++;
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        Arrays.stream(old).filter(f -> f != EMPTY).forEach(this::insert);
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
