package cn.yinling.datasets;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which rows of a file are planted to break a rule. About 0.3 % of the rows, never more than 3 % (the warehouse
 * refuses a file over 5 %), and none in files under 34 rows, where a single bad row would already be 3 %.
 */
final class Plants {

    static final double RATE = 0.003;

    private final int[] rows;
    private final String[] rules;
    private int next;

    private Plants(int[] rows, String[] rules) {
        this.rows = rows;
        this.rules = rules;
    }

    static int count(long n) {
        if (n < 34) {
            return 0;
        }
        return (int) Math.min(Math.max(1, Math.round(n * RATE)), n * 3 / 100);
    }

    /**
     * As {@link #choose}, but a small file carries each rule of the cycle once where 3 % of its rows allow it, so that
     * even a small city plants every rule of the feed: a file of 340 rows carries 10 planted rows, one of 34 one.
     */
    static Plants chooseEveryRule(SplittableRandom rnd, int n, String[] ruleCycle, int offset) {
        int k = n < 34 ? 0 : Math.max(count(n), Math.min(ruleCycle.length, n * 3 / 100));
        return choose(rnd, n, k, ruleCycle, offset);
    }

    /**
     * @param n data rows of the file before planting
     * @param ruleCycle the rules to plant, used in turn starting at {@code offset}
     */
    static Plants choose(SplittableRandom rnd, int n, String[] ruleCycle, int offset) {
        return choose(rnd, n, count(n), ruleCycle, offset);
    }

    private static Plants choose(SplittableRandom rnd, int n, int k, String[] ruleCycle, int offset) {
        int[] rows = new int[k];
        if (k > 0) {
            // distinct indices: a random stride over a permutation-free sample (sorted after drawing with retry)
            java.util.BitSet taken = new java.util.BitSet(n);
            for (int j = 0; j < k; j++) {
                int r;
                do {
                    r = rnd.nextInt(n);
                } while (taken.get(r));
                taken.set(r);
            }
            int j = 0;
            for (int r = taken.nextSetBit(0); r >= 0; r = taken.nextSetBit(r + 1)) {
                rows[j++] = r;
            }
        }
        String[] rules = new String[k];
        for (int j = 0; j < k; j++) {
            rules[j] = ruleCycle[Math.floorMod(offset + j, ruleCycle.length)];
        }
        return new Plants(rows, rules);
    }

    /** The rule planted at data row index {@code index} (0-based, visited in increasing order), or null. */
    String at(int index) {
        if (next < rows.length && rows[next] == index) {
            return rules[next++];
        }
        return null;
    }

    int size() {
        return rows.length;
    }

    int[] rows() {
        return Arrays.copyOf(rows, rows.length);
    }
}
