package org.promiseledger.metrics;

/**
 * Dense numbers for the customer ids of one pass: 0, 1, 2… in the order the ids are first seen. This is the lookup
 * distinct-customer counting makes for every row, so it avoids a {@code HashMap<String, …>}, whose lookup follows a
 * table slot to a node, to the key string and to its bytes (four cache misses a row; half of aggregation's time at
 * 5 million rows). Here a slot is two longs and an int in flat arrays, and an id of 1 to 15 characters, each below
 * U+0100, is kept packed in those two longs, so the lookup compares it without leaving the slot. Any other id is
 * kept as a string in its slot and compared as one: the numbers are exact for every id.
 *
 * <p>Memory: 24 bytes a slot, at most two slots a customer (the table doubles past half full), plus the strings of
 * the ids that do not pack.
 */
final class CustomerNumbers {

    /** {@code high} of an id kept as a string: no packed id has this top byte (a packed id's top byte is its length). */
    private static final long UNPACKED = -1L;
    private static final int MOST_PACKED_CHARS = 15;

    /** Per slot: the id's first 8 characters, one byte each (or, unpacked, its {@link String#hashCode()}). */
    private long[] low;
    /** Per slot: characters 9 to 15 and, in the top byte, the length (or {@link #UNPACKED}). */
    private long[] high;
    /** Per slot: the number + 1; 0 marks an empty slot. */
    private int[] numbers;
    /** Per slot: the id, only where it does not pack (null until the first such id). */
    private String[] unpacked;
    private int size;

    CustomerNumbers() {
        allocate(1024);
    }

    /** How many distinct ids have been numbered. */
    int size() {
        return size;
    }

    /**
     * The id's number: the one it got when first seen, else the next one ({@link #size()} before the call).
     *
     * @param customerId any non-null id; ids equal as strings get the same number
     */
    int numberOf(String customerId) {
        long lo = 0;
        long hi = 0;
        int length = customerId.length();
        boolean packs = length > 0 && length <= MOST_PACKED_CHARS;
        for (int i = 0; packs && i < length; i++) {
            char c = customerId.charAt(i);
            if (c > 0xFF) {
                packs = false;
            } else if (i < 8) {
                lo |= (long) c << (8 * i);
            } else {
                hi |= (long) c << (8 * (i - 8));
            }
        }
        if (packs) {
            hi |= (long) length << 56;
        } else {
            lo = customerId.hashCode();
            hi = UNPACKED;
        }
        int mask = numbers.length - 1;
        for (int slot = spread(lo, hi) & mask; ; slot = (slot + 1) & mask) {
            int number = numbers[slot];
            if (number == 0) {
                return add(slot, lo, hi, packs ? null : customerId);
            }
            if (low[slot] == lo && high[slot] == hi && (hi != UNPACKED || customerId.equals(unpacked[slot]))) {
                return number - 1;
            }
        }
    }

    private int add(int slot, long lo, long hi, String unpackedId) {
        low[slot] = lo;
        high[slot] = hi;
        numbers[slot] = ++size;
        if (unpackedId != null) {
            if (unpacked == null) {
                unpacked = new String[numbers.length];
            }
            unpacked[slot] = unpackedId;
        }
        if (size * 2 > numbers.length) {
            grow();
        }
        return size - 1;
    }

    /** Doubles the table; a slot is found from its two longs alone, so entries move without their ids. */
    private void grow() {
        long[] oldLow = low;
        long[] oldHigh = high;
        int[] oldNumbers = numbers;
        String[] oldUnpacked = unpacked;
        allocate(oldNumbers.length * 2);
        int mask = numbers.length - 1;
        for (int from = 0; from < oldNumbers.length; from++) {
            if (oldNumbers[from] == 0) {
                continue;
            }
            int slot = spread(oldLow[from], oldHigh[from]) & mask;
            while (numbers[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            low[slot] = oldLow[from];
            high[slot] = oldHigh[from];
            numbers[slot] = oldNumbers[from];
            if (oldUnpacked != null) {
                unpacked[slot] = oldUnpacked[from];
            }
        }
    }

    private void allocate(int slots) {
        boolean keepsStrings = unpacked != null;
        low = new long[slots];
        high = new long[slots];
        numbers = new int[slots];
        unpacked = keepsStrings ? new String[slots] : null;
    }

    /** Where a probe starts: both longs mixed (Murmur3's finaliser), so ids that differ in one character spread out. */
    private static int spread(long lo, long hi) {
        long x = lo * 0x9E3779B97F4A7C15L + hi;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return (int) x;
    }
}
