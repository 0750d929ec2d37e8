package cn.yinling.warehouse.land;

/**
 * The service order ids already loaded for other periods (ORDER_ID_REUSED), each with the period it was loaded for.
 * An id is kept as a 64-bit hash, 12 bytes a slot in an open-addressing table: a city platform's orders of many years
 * fit in a few tens of MB whatever the ids look like. Two different ids share a hash with a probability of about
 * n·m / 2^64 (n ids kept, m looked up): for ten million kept and a million looked up, below one in a million.
 */
final class OrderIdIndex {

    private static final long EMPTY = 0L;

    private long[] hashes;
    private int[] periods;
    private int size;
    private final java.util.List<String> periodNames = new java.util.ArrayList<>();
    private final java.util.Map<String, Integer> periodIndex = new java.util.HashMap<>();

    OrderIdIndex() {
        hashes = new long[1 << 10];
        periods = new int[1 << 10];
    }

    static OrderIdIndex empty() {
        return new OrderIdIndex();
    }

    int size() {
        return size;
    }

    /** Records an order id loaded for {@code period}; an id seen before keeps its first period. */
    void add(String orderId, String period) {
        if ((size + 1) * 10L >= hashes.length * 6L) {
            grow();
        }
        int p = periodIndex.computeIfAbsent(period, k -> {
            periodNames.add(k);
            return periodNames.size() - 1;
        });
        long h = hash(orderId);
        int mask = hashes.length - 1;
        int slot = spread(h) & mask;
        while (hashes[slot] != EMPTY) {
            if (hashes[slot] == h) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        hashes[slot] = h;
        periods[slot] = p;
        size++;
    }

    /** The period an order id was loaded for, or null when it was not. */
    String periodOf(String orderId) {
        long h = hash(orderId);
        int mask = hashes.length - 1;
        int slot = spread(h) & mask;
        while (hashes[slot] != EMPTY) {
            if (hashes[slot] == h) {
                return periodNames.get(periods[slot]);
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldPeriods = periods;
        hashes = new long[oldHashes.length * 2];
        periods = new int[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            long h = oldHashes[i];
            if (h != EMPTY) {
                int slot = spread(h) & mask;
                while (hashes[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = h;
                periods[slot] = oldPeriods[i];
            }
        }
    }

    /** FNV-1a over the UTF-16 code units, then the SplitMix64 finaliser; never 0 (the empty-slot marker). */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == EMPTY ? 1L : h;
    }

    private static int spread(long h) {
        return (int) (h ^ (h >>> 32));
    }
}
