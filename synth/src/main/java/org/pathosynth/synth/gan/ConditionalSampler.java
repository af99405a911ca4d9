package org.pathosynth.synth.gan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.synth.internal.nn.Matrix;

/**
 * CTGAN's conditional vector and training-by-sampling: a discrete column is drawn uniformly, one of
 * its categories by log-frequency; the critic's real rows are drawn among the rows having that
 * category, so rare categories are seen as often as the generator is asked for them.
 */
final class ConditionalSampler {
    final int[] dataOffset; // per discrete column: start of its one-hot in the data matrix
    final int[] condOffset; // per discrete column: start in the conditional vector
    final double[][] probabilities; // per discrete column: probabilities of its categories
    final boolean logFrequency; // probabilities ∝ log(1 + count) (CTGAN) rather than ∝ count
    final int width; // conditional vector width
    private final int[][][] rowsByCategory; // null when sampling only (a saved model has no training rows)

    private ConditionalSampler(int[] dataOffset, int[] condOffset, double[][] probabilities, boolean logFrequency, int width,
                               int[][][] rows) {
        this.logFrequency = logFrequency;
        this.dataOffset = dataOffset;
        this.condOffset = condOffset;
        this.probabilities = probabilities;
        this.width = width;
        this.rowsByCategory = rows;
    }

    /** A draw of conditions: the one-hot matrix and, per row, the column and category chosen. */
    record Draw(Matrix cond, int[] column, int[] category) {
    }

    /** CTGAN's sampler: categories by log-frequency. */
    static ConditionalSampler of(DataTransformer transformer, Matrix data) {
        return of(transformer, data, true);
    }

    /** A sampler over the discrete columns; data (the encoded training rows) may be null when only sampling. */
    static ConditionalSampler of(DataTransformer transformer, Matrix data, boolean logFrequency) {
        List<Integer> dataOffsets = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        List<int[][]> rows = new ArrayList<>();
        int offset = 0;
        for (ColumnEncoding e : transformer.encodings) {
            if (e instanceof ColumnEncoding.Discrete d) {
                dataOffsets.add(offset);
                double[] p = new double[d.width()];
                double s = 0;
                for (int k = 0; k < p.length; k++) {
                    p[k] = logFrequency ? Math.log(d.frequencies()[k] + 1) : d.frequencies()[k];
                    s += p[k];
                }
                for (int k = 0; k < p.length; k++) {
                    p[k] /= s;
                }
                probs.add(p);
                if (data != null) {
                    List<List<Integer>> byCat = new ArrayList<>();
                    for (int k = 0; k < p.length; k++) {
                        byCat.add(new ArrayList<>());
                    }
                    for (int r = 0; r < data.rows; r++) {
                        for (int k = 0; k < p.length; k++) {
                            if (data.data[r * data.cols + offset + k] == 1) {
                                byCat.get(k).add(r);
                                break;
                            }
                        }
                    }
                    rows.add(byCat.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new));
                }
            }
            offset += e.width();
        }
        int[] condOffsets = new int[probs.size()];
        int width = 0;
        for (int i = 0; i < condOffsets.length; i++) {
            condOffsets[i] = width;
            width += probs.get(i).length;
        }
        return new ConditionalSampler(dataOffsets.stream().mapToInt(Integer::intValue).toArray(), condOffsets,
                probs.toArray(double[][]::new), logFrequency, width, data == null ? null : rows.toArray(int[][][]::new));
    }

    boolean hasDiscrete() {
        return probabilities.length > 0;
    }

    Draw draw(int n, SplittableRandom rng) {
        Matrix cond = new Matrix(n, width);
        int[] column = new int[n];
        int[] category = new int[n];
        for (int b = 0; b < n && hasDiscrete(); b++) {
            int i = rng.nextInt(probabilities.length);
            double u = rng.nextDouble();
            int k = probabilities[i].length - 1;
            for (int j = 0; j < probabilities[i].length; j++) {
                u -= probabilities[i][j];
                if (u < 0) {
                    k = j;
                    break;
                }
            }
            column[b] = i;
            category[b] = k;
            cond.data[b * width + condOffset[i] + k] = 1;
        }
        return new Draw(cond, column, category);
    }

    /** Conditions that hold for the given encoded rows: per row a discrete column at random, and that row's category in it. */
    Draw matching(Matrix data, int[] rows, SplittableRandom rng) {
        int n = rows.length;
        Matrix cond = new Matrix(n, width);
        int[] column = new int[n];
        int[] category = new int[n];
        for (int b = 0; b < n && hasDiscrete(); b++) {
            int i = rng.nextInt(probabilities.length);
            int o = rows[b] * data.cols + dataOffset[i];
            int k = 0;
            while (k < probabilities[i].length - 1 && data.data[o + k] != 1) {
                k++;
            }
            column[b] = i;
            category[b] = k;
            cond.data[b * width + condOffset[i] + k] = 1;
        }
        return new Draw(cond, column, category);
    }

    /** A training row having category[b] in column[b] (any row when there is no discrete column). */
    int realRow(int column, int category, int rowCount, SplittableRandom rng) {
        if (!hasDiscrete()) {
            return rng.nextInt(rowCount);
        }
        int[] rows = rowsByCategory[column][category];
        return rows[rng.nextInt(rows.length)];
    }

    /** As {@link #realRow}, or -1 when no row has that category. */
    int rowWith(int column, int category, int rowCount, SplittableRandom rng) {
        if (!hasDiscrete()) {
            return rowCount == 0 ? -1 : rng.nextInt(rowCount);
        }
        int[] rows = rowsByCategory[column][category];
        return rows.length == 0 ? -1 : rows[rng.nextInt(rows.length)];
    }

    /** CE between the logits of the conditioned column and its category, summed over rows / batch; adds its gradient. */
    double crossEntropy(Matrix logits, Draw draw, Matrix dLogits) {
        if (!hasDiscrete()) {
            return 0;
        }
        int n = logits.rows;
        double loss = 0;
        for (int b = 0; b < n; b++) {
            int i = draw.column()[b];
            int start = dataOffset[i];
            int k = probabilities[i].length;
            int o = b * logits.cols + start;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, logits.data[o + j]);
            }
            double s = 0;
            for (int j = 0; j < k; j++) {
                s += Math.exp(logits.data[o + j] - max);
            }
            double logSum = max + Math.log(s);
            loss += logSum - logits.data[o + draw.category()[b]];
            for (int j = 0; j < k; j++) {
                double p = Math.exp(logits.data[o + j] - logSum);
                dLogits.data[o + j] += (p - (j == draw.category()[b] ? 1 : 0)) / n;
            }
        }
        return loss / n;
    }
}
