package org.pathosynth.eval.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.pathosynth.eval.data.EvalColumn;
import org.pathosynth.eval.data.EvalTable;

/**
 * Encodes training, holdout and synthetic rows into one vector space (mostlyai-qa 1.9+, metrics.md
 * 1.5): numeric-like columns through a quantile map fitted on training ∪ holdout onto [−0.5, 0.5]
 * (missing = 0, with a ±0.5 missing flag column when training or holdout has gaps), categorical
 * columns through label embeddings reduced by PCA; every row is then L2-normalised.
 */
public final class RowEncoder {
    static final int MAX_COLUMNS = 300;
    static final int MAX_QUANTILES = 100;
    private static final String MISSING_LABEL = "nan";

    private RowEncoder() {
    }

    /**
     * Encodes the three sets, first reducing each to the size of the smallest by sampling rows
     * without replacement (seeded); sets already of that size keep their row order.
     *
     * @param holdout may be null
     */
    public static EncodedSets encode(EvalTable training, EvalTable holdout, EvalTable synthetic, LabelEmbedder embedder, long seed) {
        int n = Math.min(training.rowCount(), synthetic.rowCount());
        if (holdout != null) {
            n = Math.min(n, holdout.rowCount());
        }
        SplittableRandom rng = new SplittableRandom(seed);
        EvalTable trn = reduce(training, n, rng);
        EvalTable hol = holdout == null ? null : reduce(holdout, n, rng);
        EvalTable syn = reduce(synthetic, n, rng);

        List<EvalColumn> all = trn.columns();
        List<EvalColumn> used = all.size() > MAX_COLUMNS ? all.subList(0, MAX_COLUMNS) : all;
        List<String> names = new ArrayList<>();
        List<double[][]> blocks = new ArrayList<>(); // per encoded column: [set][row]
        for (EvalColumn c : used) {
            if (c.isNumberLike()) {
                addNumeric(c.name(), trn, hol, syn, names, blocks);
            }
        }
        for (EvalColumn c : used) {
            if (!c.isNumberLike()) {
                addCategorical(c.name(), trn, hol, syn, embedder, names, blocks);
            }
        }
        double[][][] raw = new double[3][][];
        for (int set = 0; set < 3; set++) {
            if (set == 1 && hol == null) {
                continue;
            }
            int rows = set == 0 ? trn.rowCount() : set == 1 ? hol.rowCount() : syn.rowCount();
            raw[set] = new double[rows][names.size()];
            for (int j = 0; j < names.size(); j++) {
                double[] column = blocks.get(j)[set];
                for (int r = 0; r < rows; r++) {
                    raw[set][r][j] = column[r];
                }
            }
        }
        return new EncodedSets(names, raw[0], raw[1], raw[2], normalise(raw[0]), normalise(raw[1]), normalise(raw[2]));
    }

    private static EvalTable reduce(EvalTable t, int n, SplittableRandom rng) {
        if (t.rowCount() == n) {
            return t;
        }
        int[] idx = new int[t.rowCount()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < n; i++) { // partial Fisher-Yates
            int j = i + rng.nextInt(idx.length - i);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
        }
        return t.rows(java.util.Arrays.copyOf(idx, n));
    }

    private static void addNumeric(String name, EvalTable trn, EvalTable hol, EvalTable syn, List<String> names, List<double[][]> blocks) {
        EvalColumn t = trn.column(name);
        EvalColumn h = hol == null ? null : hol.column(name);
        double[] fit = new double[t.size() + (h == null ? 0 : h.size())];
        int m = 0;
        boolean missing = false;
        for (EvalColumn c : h == null ? List.of(t) : List.of(t, h)) {
            for (int i = 0; i < c.size(); i++) {
                if (c.isMissing(i)) {
                    missing = true;
                } else {
                    fit[m++] = c.number(i);
                }
            }
        }
        int nq = Math.min(MAX_QUANTILES, t.size() + (h == null ? 0 : h.size()));
        QuantileMap map = new QuantileMap(java.util.Arrays.copyOf(fit, m), Math.max(nq, 1));
        EvalColumn[] sets = {t, h, syn.column(name)};
        double[][] values = new double[3][];
        double[][] flags = new double[3][];
        for (int s = 0; s < 3; s++) {
            if (sets[s] == null) {
                continue;
            }
            values[s] = new double[sets[s].size()];
            flags[s] = new double[sets[s].size()];
            for (int i = 0; i < values[s].length; i++) {
                double e = map.encode(sets[s].number(i));
                values[s][i] = Double.isNaN(e) ? 0.0 : e;
                flags[s][i] = sets[s].isMissing(i) ? 0.5 : -0.5;
            }
        }
        names.add(name);
        blocks.add(values);
        if (missing) {
            names.add(name + " - N/A");
            blocks.add(flags);
        }
    }

    private static void addCategorical(String name, EvalTable trn, EvalTable hol, EvalTable syn, LabelEmbedder embedder,
                                       List<String> names, List<double[][]> blocks) {
        EvalColumn t = trn.column(name);
        EvalColumn h = hol == null ? null : hol.column(name);
        TreeSet<String> seen = new TreeSet<>();
        for (EvalColumn c : h == null ? List.of(t) : List.of(t, h)) {
            for (int i = 0; i < c.size(); i++) {
                seen.add(label(c.label(i)));
            }
        }
        LabelProjection projection = new LabelProjection(seen, embedder);
        EvalColumn[] sets = {t, h, syn.column(name)};
        double[][][] dims = new double[projection.dimensions()][3][];
        for (int s = 0; s < 3; s++) {
            if (sets[s] == null) {
                continue;
            }
            for (int d = 0; d < dims.length; d++) {
                dims[d][s] = new double[sets[s].size()];
            }
            for (int i = 0; i < sets[s].size(); i++) {
                double[] p = projection.project(label(sets[s].label(i)));
                for (int d = 0; d < dims.length; d++) {
                    dims[d][s][i] = p[d];
                }
            }
        }
        for (int d = 0; d < dims.length; d++) {
            names.add(name + " - PCA " + (d + 1));
            blocks.add(dims[d]);
        }
    }

    private static String label(String value) {
        return value == null ? MISSING_LABEL : value.isEmpty() ? "(empty)" : value;
    }

    private static double[][] normalise(double[][] rows) {
        if (rows == null) {
            return null;
        }
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            double norm = 0;
            for (double v : rows[r]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            out[r] = rows[r].clone();
            if (norm > 0) {
                for (int j = 0; j < out[r].length; j++) {
                    out[r][j] /= norm;
                }
            }
        }
        return out;
    }
}
