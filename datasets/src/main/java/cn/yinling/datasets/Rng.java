package cn.yinling.datasets;

import java.util.SplittableRandom;

/**
 * Deterministic random streams. Every feed and period draws from its own stream derived from the seed and a name, so
 * that adding a feed later leaves the files of the others unchanged.
 */
final class Rng {

    private Rng() {
    }

    static SplittableRandom stream(long seed, String name) {
        return new SplittableRandom(mix(seed ^ mix(name.hashCode() * 0x9E3779B97F4A7C15L)));
    }

    /** SplitMix64 finaliser: a well-spread 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A stable hash of (seed, a, b) in [0, bound). */
    static int hash(long seed, long a, long b, int bound) {
        long h = mix(seed * 0x9E3779B97F4A7C15L + mix(a * 31 + b + 0x632BE59BD9B4E019L));
        return (int) Long.remainderUnsigned(h, bound);
    }
}
