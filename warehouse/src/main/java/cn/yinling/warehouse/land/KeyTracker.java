package cn.yinling.warehouse.land;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the key of every data row of a file, to find a second row with the same key (DUPLICATE_KEY), without
 * holding the rows. A key that is one resident ID number is kept as a long (its first 17 digits determine it, the
 * check digit follows from them), 12 bytes a row in an open-addressing table: 10 million households fit in ~200 MB.
 * Other keys are kept as strings; the feeds that have them are far smaller.
 */
final class KeyTracker {

    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] rows;
    private int size;
    private final Map<String, Integer> stringKeys = new HashMap<>();

    KeyTracker() {
        keys = new long[1 << 16];
        rows = new int[1 << 16];
        java.util.Arrays.fill(keys, EMPTY);
    }

    /** Records an 18-character ID number key; returns the row that first had it, or 0 when it is new. */
    int firstRowOfIdNumber(String id18, int row) {
        long key = 0;
        for (int i = 0; i < 17; i++) {
            key = key * 10 + (id18.charAt(i) - '0');
        }
        return putLong(key, row);
    }

    /** Records any other key; returns the row that first had it, or 0 when it is new. */
    int firstRowOf(String key, int row) {
        Integer first = stringKeys.putIfAbsent(key, row);
        return first == null ? 0 : first;
    }

    private int putLong(long key, int row) {
        if (size * 10L >= keys.length * 6L) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (true) {
            long k = keys[slot];
            if (k == EMPTY) {
                keys[slot] = key;
                rows[slot] = row;
                size++;
                return 0;
            }
            if (k == key) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldRows.length * 2];
        java.util.Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long k = oldKeys[i];
            if (k != EMPTY) {
                int slot = mix(k) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                rows[slot] = oldRows[i];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
