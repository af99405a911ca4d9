package org.pathosynth.synth.internal.pgm;

import java.util.SplittableRandom;

/**
 * Controlled rounding (private-pgm's sampler): a group of rows gets each cell in proportion to a distribution, the
 * integer parts exactly and the remaining rows by the fractional parts, so the sampled counts stay within one of the
 * model's instead of drifting as independent draws would.
 */
public final class ControlledRounding {
    private ControlledRounding() {
    }

    /** Non-negative counts as probabilities (negative counts read as 0; all zero reads as uniform). */
    public static double[] probabilities(double[] counts) {
        double sum = 0;
        for (double c : counts) {
            sum += Math.max(0, c);
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = sum > 0 ? Math.max(0, counts[i]) / sum : 1.0 / p.length;
        }
        return p;
    }

    /**
     * Assigns cells to the given rows: integer parts of n·p, the remaining units to distinct cells
     * drawn without replacement in proportion to the fractional parts, then shuffled.
     */
    public static void fill(int[] column, int[] rows, double[] p, SplittableRandom rng) {
        int n = rows.length;
        int[] counts = new int[p.length];
        double[] fraction = new double[p.length];
        int assigned = 0;
        for (int i = 0; i < p.length; i++) {
            double x = n * p[i];
            counts[i] = (int) Math.floor(x);
            fraction[i] = x - counts[i];
            assigned += counts[i];
        }
        for (int left = n - assigned; left > 0; left--) {
            double sum = 0;
            for (double f : fraction) {
                sum += f;
            }
            int pick = fraction.length - 1;
            if (sum > 0) {
                double u = rng.nextDouble() * sum;
                for (int i = 0; i < fraction.length; i++) {
                    u -= fraction[i];
                    if (u < 0) {
                        pick = i;
                        break;
                    }
                }
            } else {
                pick = rng.nextInt(fraction.length);
            }
            counts[pick]++;
            fraction[pick] = 0;
        }
        int[] values = new int[n];
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int c = 0; c < counts[i]; c++) {
                values[k++] = i;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
        for (int i = 0; i < n; i++) {
            column[rows[i]] = values[i];
        }
    }
}
