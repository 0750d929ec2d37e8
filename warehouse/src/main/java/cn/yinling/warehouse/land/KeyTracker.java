package cn.yinling.warehouse.land;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers the key of every data row of a file, to find a second row with the same key (DUPLICATE_KEY), without
 * holding the rows. A key that is one resident ID number is kept as a long (its first 17 digits determine it, the
 * check digit follows from them), 16 bytes a slot in an open-addressing table: 10 million households fit in ~270 MB.
 * Other keys are kept as strings; the feeds that have them are far smaller.
 */
final class KeyTracker {

    private static final long EMPTY = -1L;

    /** Open addressing, key and first row side by side ({@code [2*slot]}, {@code [2*slot+1]}): one cache miss a row. */
    private long[] table;
    private int size;
    private final Map<String, Integer> stringKeys = new HashMap<>();

    KeyTracker() {
        table = emptyTable(1 << 16);
    }

    private static long[] emptyTable(int slots) {
        long[] t = new long[2 * slots];
        for (int i = 0; i < t.length; i += 2) {
            t[i] = EMPTY;
        }
        return t;
    }

    /** Prevents the JIT from dropping the loads of {@link #prefetchIdNumbers}. */
    @SuppressWarnings("unused")
    private long prefetchSink;

    /** Records an 18-character ID number key; returns the row that first had it, or 0 when it is new. */
    int firstRowOfIdNumber(String id18, int row) {
        return putLong(idKey(id18), row);
    }

    static long idKey(String id18) {
        long key = 0;
        for (int i = 0; i < 17; i++) {
            key = key * 10 + (id18.charAt(i) - '0');
        }
        return key;
    }

    /**
     * Announces the next {@code count} ID number keys (from {@link #idKey}) before they are recorded one by one, and
     * reads the table slots they will probe. The table of a large file is far bigger than the CPU caches: recorded
     * one after another, every key waits for its own memory access; read here in one loop of independent loads, the
     * accesses overlap, and the records that follow find their slots in cache. Records nothing.
     */
    void prefetchIdNumbers(long[] keys, int count) {
        // Grow now, not halfway through the keys, so the slots read here stay the ones probed.
        while ((size + (long) count) * 10L >= (table.length / 2) * 6L) {
            grow();
        }
        long[] t = table;
        int mask = t.length / 2 - 1;
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += t[2 * (mix(keys[i]) & mask)];
        }
        prefetchSink += sum;
    }

    /** Records any other key; returns the row that first had it, or 0 when it is new. */
    int firstRowOf(String key, int row) {
        Integer first = stringKeys.putIfAbsent(key, row);
        return first == null ? 0 : first;
    }

    private int putLong(long key, int row) {
        int slots = table.length / 2;
        if (size * 10L >= slots * 6L) {
            grow();
            slots = table.length / 2;
        }
        int mask = slots - 1;
        int slot = mix(key) & mask;
        while (true) {
            long k = table[2 * slot];
            if (k == EMPTY) {
                table[2 * slot] = key;
                table[2 * slot + 1] = row;
                size++;
                return 0;
            }
            if (k == key) {
                return (int) table[2 * slot + 1];
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = emptyTable(old.length); // twice the slots: old.length longs held old.length / 2 slots
        int mask = table.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            long k = old[i];
            if (k != EMPTY) {
                int slot = mix(k) & mask;
                while (table[2 * slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = k;
                table[2 * slot + 1] = old[i + 1];
            }
        }
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
