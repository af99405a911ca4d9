package org.pathosynth.eval.encoding;

/** Centroid cosine similarity of encoded sets (metrics.md 1.6). */
public final class Similarity {
    private Similarity() {
    }

    /** Mean of the rows. */
    public static double[] centroid(double[][] rows) {
        double[] c = new double[rows[0].length];
        for (double[] r : rows) {
            for (int j = 0; j < c.length; j++) {
                c[j] += r[j];
            }
        }
        for (int j = 0; j < c.length; j++) {
            c[j] /= rows.length;
        }
        return c;
    }

    /** cos(a, b) clipped to [0, 1] (unrounded). */
    public static double cosine(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            dot += a[j] * b[j];
            na += a[j] * a[j];
            nb += b[j] * b[j];
        }
        double cos = dot / (Math.sqrt(na) * Math.sqrt(nb));
        return Double.isNaN(cos) ? 0.0 : Math.max(0, Math.min(1, cos));
    }
}
