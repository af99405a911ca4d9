package org.pathosynth.eval.encoding;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * A categorical column's encoding: each distinct training/holdout label (plus {@code _RARE_} for
 * labels never seen there) is embedded, and the embeddings are reduced by PCA to 2, 3 or 4
 * dimensions by the number of distinct labels. Each label counts once (no frequency weighting).
 */
final class LabelProjection {
    static final String RARE = "_RARE_";

    private final Map<String, double[]> projection = new HashMap<>();
    private final int dimensions;

    LabelProjection(TreeSet<String> seenLabels, LabelEmbedder embedder) {
        int distinct = seenLabels.size();
        dimensions = distinct <= 20 ? 2 : distinct <= 100 ? 3 : 4;
        TreeSet<String> vocabulary = new TreeSet<>(seenLabels);
        vocabulary.add(RARE);
        List<String> labels = List.copyOf(vocabulary);
        double[][] x = embedder.embed(labels);
        int n = x.length;
        int width = x[0].length;
        double[] mean = new double[width];
        for (double[] row : x) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[][] centred = new double[n][width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                centred[i][j] = x[i][j] - mean[j];
            }
        }
        RealMatrix c = new Array2DRowRealMatrix(centred, false);
        RealMatrix v = new SingularValueDecomposition(c).getV(); // columns: principal axes, by decreasing singular value
        for (int i = 0; i < n; i++) {
            double[] p = new double[dimensions];
            for (int d = 0; d < dimensions && d < v.getColumnDimension(); d++) {
                double s = 0;
                for (int j = 0; j < width; j++) {
                    s += centred[i][j] * v.getEntry(j, d);
                }
                p[d] = s;
            }
            projection.put(labels.get(i), p);
        }
    }

    int dimensions() {
        return dimensions;
    }

    /** The projection of a label; labels outside the vocabulary get {@code _RARE_}'s. */
    double[] project(String label) {
        double[] p = projection.get(label);
        return p != null ? p : projection.get(RARE);
    }
}
