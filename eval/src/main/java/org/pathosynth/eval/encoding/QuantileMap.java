package org.pathosynth.eval.encoding;

import java.util.Arrays;

/**
 * A column's quantile transform onto [0, 1], as scikit-learn's QuantileTransformer fits and applies
 * it (NumPy percentile and interpolation rules reproduced exactly).
 */
final class QuantileMap {
    private final double[] quantiles;
    private final double[] references;
    private final double[] negQuantilesReversed;
    private final double[] negReferencesReversed;

    /**
     * @param fitValues non-missing values to fit on
     * @param nQuantiles number of quantiles (min(100, rows of training + holdout))
     */
    QuantileMap(double[] fitValues, int nQuantiles) {
        double[] sorted = fitValues.clone();
        Arrays.sort(sorted);
        references = linspace01(nQuantiles);
        quantiles = new double[nQuantiles];
        for (int k = 0; k < nQuantiles; k++) {
            quantiles[k] = sorted.length == 0 ? Double.NaN : percentile(sorted, references[k] * 100);
        }
        for (int k = 1; k < nQuantiles; k++) { // running maximum keeps the map monotone
            quantiles[k] = Math.max(quantiles[k], quantiles[k - 1]);
        }
        negQuantilesReversed = new double[nQuantiles];
        negReferencesReversed = new double[nQuantiles];
        for (int k = 0; k < nQuantiles; k++) {
            negQuantilesReversed[k] = -quantiles[nQuantiles - 1 - k];
            negReferencesReversed[k] = -references[nQuantiles - 1 - k];
        }
    }

    /** NumPy linspace(0, 1, n): k · (1/(n−1)), last exactly 1. */
    static double[] linspace01(int n) {
        double[] r = new double[n];
        if (n == 1) {
            return r;
        }
        double step = 1.0 / (n - 1);
        for (int k = 0; k < n; k++) {
            r[k] = k * step;
        }
        r[n - 1] = 1.0;
        return r;
    }

    /** NumPy's linear percentile of sorted values at q in [0, 100]. */
    static double percentile(double[] sorted, double q) {
        int m = sorted.length;
        double h = (q / 100) * (m - 1);
        if (h >= m - 1) {
            return sorted[m - 1];
        }
        int lo = (int) Math.floor(h);
        double g = h - lo;
        double a = sorted[lo];
        double b = sorted[lo + 1];
        double diff = b - a;
        return g < 0.5 ? a + diff * g : b - diff * (1 - g);
    }

    /** NumPy interp: clamps outside, takes the value at the last equal knot, interpolates between knots. */
    static double interp(double x, double[] xp, double[] fp) {
        int n = xp.length;
        if (x < xp[0]) {
            return fp[0];
        }
        if (x > xp[n - 1]) {
            return fp[n - 1];
        }
        int lo = 0;
        int hi = n;
        while (lo < hi) { // last index j with xp[j] <= x
            int mid = (lo + hi) >>> 1;
            if (x >= xp[mid]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int j = lo - 1;
        if (j == n - 1 || xp[j] == x) {
            return fp[j];
        }
        double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
        double res = slope * (x - xp[j]) + fp[j];
        if (Double.isNaN(res)) {
            res = slope * (x - xp[j + 1]) + fp[j + 1];
            if (Double.isNaN(res) && fp[j] == fp[j + 1]) {
                res = fp[j];
            }
        }
        return res;
    }

    /** The value mapped to [−0.5, 0.5] (NaN for a missing value; callers encode that as 0). */
    double encode(double x) {
        if (Double.isNaN(x) || Double.isNaN(quantiles[0])) {
            return Double.NaN;
        }
        double t = 0.5 * (interp(x, quantiles, references) - interp(-x, negQuantilesReversed, negReferencesReversed));
        if (x == quantiles[quantiles.length - 1]) {
            t = 1;
        }
        if (x == quantiles[0]) {
            t = 0;
        }
        return t - 0.5;
    }
}
