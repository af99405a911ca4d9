package org.pathosynth.core.random;

import java.util.SplittableRandom;

/** Random orders drawn from a caller's generator, so a seed fixes them. */
public final class Permutations {
    private Permutations() {
    }

    /** 0..n-1 shuffled by Fisher–Yates (from the end), drawing n-1 integers from {@code rng}. */
    public static int[] shuffled(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
