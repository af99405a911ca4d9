package org.pathosynth.core.random;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from one master seed, so every random choice in a run flows from the
 * caller's seed and adding a stage does not shift the random streams of the others.
 */
public final class Seeds {
    private Seeds() {
    }

    /** A seed for a named stage (e.g. {@code "sample"}). */
    public static long derive(long seed, String stage) {
        long h = seed;
        for (byte b : stage.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return mix(h);
    }

    /** A seed for the {@code index}-th item of a named stage. */
    public static long derive(long seed, String stage, long index) {
        return mix(derive(seed, stage) ^ mix(index + 0x9E3779B97F4A7C15L));
    }

    /** SplitMix64's finaliser: a bijective, well-mixed 64-bit hash. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
