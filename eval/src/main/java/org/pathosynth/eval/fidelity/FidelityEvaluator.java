package org.pathosynth.eval.fidelity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.pathosynth.eval.data.EvalColumn;
import org.pathosynth.eval.data.EvalTable;

/**
 * Univariate, bivariate and trivariate accuracy of a synthetic table against training ∪ holdout,
 * as mostlyai-qa 1.10 computes them (metrics.md 1.2–1.4): bins learned on the reference, per-tuple
 * accuracy = round5(1 − TVD), expected maxima, means, overall = mean of the existing components.
 */
public final class FidelityEvaluator {
    static final int MAX_COLUMNS = 300;
    static final int MAX_TRIVARIATES = 10_000;

    private FidelityEvaluator() {
    }

    /**
     * @param holdout may be null (then the reference is training alone)
     * @param seed picks the subset of triples when there are more than 10,000 (41+ columns)
     */
    public static FidelityResult evaluate(EvalTable training, EvalTable holdout, EvalTable synthetic, long seed) {
        List<String> columns = new ArrayList<>(training.columnNames());
        Collections.sort(columns);
        if (columns.size() > MAX_COLUMNS) {
            columns = columns.subList(0, MAX_COLUMNS);
        }
        int nColumns = columns.size();
        Map<String, ColumnBins> bins = new LinkedHashMap<>();
        Map<String, BinCounts> counts = new LinkedHashMap<>();
        int[][] ori = new int[nColumns][];
        int[][] syn = new int[nColumns][];
        int[] binCount = new int[nColumns];
        for (int c = 0; c < nColumns; c++) {
            String name = columns.get(c);
            EvalColumn reference = holdout == null ? training.column(name)
                    : EvalColumn.concat(training.column(name), holdout.column(name));
            ColumnBins b = ColumnBins.learn(reference);
            bins.put(name, b);
            ori[c] = b.assign(reference);
            syn[c] = b.assign(synthetic.column(name));
            binCount[c] = b.binCount();
            counts.put(name, new BinCounts(name, b.labels(), histogram(ori[c], binCount[c]), histogram(syn[c], binCount[c])));
        }

        List<TupleAccuracy> uni = new ArrayList<>();
        List<TupleAccuracy> bi = new ArrayList<>();
        List<int[]> triples = new ArrayList<>();
        for (int a = 0; a < nColumns; a++) {
            uni.add(accuracy(columns, new int[] {a}, ori, syn, binCount));
            for (int b = a + 1; b < nColumns; b++) {
                bi.add(accuracy(columns, new int[] {a, b}, ori, syn, binCount));
                for (int c = b + 1; c < nColumns; c++) {
                    triples.add(new int[] {a, b, c});
                }
            }
        }
        if (triples.size() > MAX_TRIVARIATES) {
            Collections.shuffle(triples, new Random(seed));
            triples = new ArrayList<>(triples.subList(0, MAX_TRIVARIATES));
            triples.sort((x, y) -> java.util.Arrays.compare(x, y));
        }
        List<TupleAccuracy> tri = new ArrayList<>();
        for (int[] t : triples) {
            tri.add(accuracy(columns, t, ori, syn, binCount));
        }
        return new FidelityResult(uni, bi, tri, summarise(uni, bi, tri), bins, counts);
    }

    private static int[] histogram(int[] assigned, int bins) {
        int[] h = new int[bins];
        for (int b : assigned) {
            h[b]++;
        }
        return h;
    }

    /** Accuracy and expected maximum of one tuple from the joint bin counts. */
    static TupleAccuracy accuracy(List<String> names, int[] tuple, int[][] ori, int[][] syn, int[] binCount) {
        int cells = 1;
        for (int c : tuple) {
            cells *= binCount[c];
        }
        int[] o = new int[cells];
        int[] s = new int[cells];
        int nOri = ori[tuple[0]].length;
        int nSyn = syn[tuple[0]].length;
        for (int r = 0; r < nOri; r++) {
            o[key(ori, tuple, binCount, r)]++;
        }
        for (int r = 0; r < nSyn; r++) {
            s[key(syn, tuple, binCount, r)]++;
        }
        double tvd = 0;
        double maxTerm = 0;
        double sizeFactor = 1.0 / nOri + 1.0 / nSyn;
        for (int k = 0; k < cells; k++) {
            if (o[k] == 0 && s[k] == 0) {
                continue;
            }
            double p = (double) o[k] / nOri;
            tvd += Math.abs(p - (double) s[k] / nSyn);
            maxTerm += Math.sqrt((2 / Math.PI) * p * (1 - p) * sizeFactor);
        }
        List<String> columns = new ArrayList<>();
        for (int c : tuple) {
            columns.add(names.get(c));
        }
        return new TupleAccuracy(columns, Rounding.numpy(1 - tvd / 2, 5), Rounding.numpy(1 - maxTerm / 2, 5));
    }

    private static int key(int[][] bins, int[] tuple, int[] binCount, int row) {
        int k = 0;
        for (int c : tuple) {
            k = k * binCount[c] + bins[c][row];
        }
        return k;
    }

    private static AccuracySummary summarise(List<TupleAccuracy> uni, List<TupleAccuracy> bi, List<TupleAccuracy> tri) {
        double u = mean(uni, false);
        double b = mean(bi, false);
        double t = mean(tri, false);
        double um = mean(uni, true);
        double bm = mean(bi, true);
        double tm = mean(tri, true);
        return new AccuracySummary(meanOfExisting(u, b, t), u, b, t, meanOfExisting(um, bm, tm), um, bm, tm);
    }

    private static double mean(List<TupleAccuracy> list, boolean max) {
        if (list.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (TupleAccuracy a : list) {
            sum += max ? a.accuracyMax() : a.accuracy();
        }
        return sum / list.size();
    }

    private static double meanOfExisting(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
