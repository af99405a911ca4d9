package org.pathosynth.eval.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.pathosynth.eval.data.ColumnType;
import org.pathosynth.eval.data.EvalColumn;
import org.pathosynth.eval.data.EvalTable;

/**
 * SDMetrics' DCRBaselineProtection (metrics.md 2.3): median DCR of the synthetic rows to training,
 * relative to that of a random table with the same columns; min(ratio, 1). Low values mean the
 * synthetic rows sit much closer to real ones than chance would put them.
 */
public record DcrBaselineProtection(double score, double medianSyntheticToTraining, double medianRandomToTraining) {

    public static DcrBaselineProtection compute(EvalTable training, EvalTable synthetic, EvalTable random) {
        double ms = DcrOverfittingProtection.median(GowerDcr.dcr(synthetic, training));
        double mr = DcrOverfittingProtection.median(GowerDcr.dcr(random, training));
        double score = mr == 0 ? Double.NaN : Math.min(ms / mr, 1);
        return new DcrBaselineProtection(score, ms, mr);
    }

    /**
     * A random table shaped like {@code real} with {@code rows} rows: each column drawn independently
     * (whole numbers uniformly in [min, max], other numbers uniformly in [min, max), datetimes min +
     * uniform seconds, categories uniformly among the distinct values), then set missing at the
     * column's missing rate. SDMetrics draws the same way with NumPy, which Java cannot reproduce.
     */
    public static EvalTable randomBaseline(EvalTable real, int rows, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<EvalColumn> out = new ArrayList<>();
        for (EvalColumn c : real.columns()) {
            double missingRate = c.size() == 0 ? 0 : (double) c.missingCount() / c.size();
            if (c.isNumberLike()) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                boolean whole = true;
                for (int i = 0; i < c.size(); i++) {
                    if (!c.isMissing(i)) {
                        double v = c.number(i);
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                        whole &= v == Math.rint(v);
                    }
                }
                double[] v = new double[rows];
                for (int i = 0; i < rows; i++) {
                    if (min > max || rng.nextDouble() < missingRate) {
                        v[i] = Double.NaN;
                    } else if (c.type() == ColumnType.DATETIME) {
                        v[i] = min + Math.floor(rng.nextDouble() * (max - min) / 1e9) * 1e9;
                    } else if (whole) {
                        v[i] = min + rng.nextLong((long) (max - min) + 1);
                    } else {
                        v[i] = min + rng.nextDouble() * (max - min);
                    }
                }
                out.add(EvalColumn.numeric(c.name(), c.type(), v));
            } else {
                TreeSet<String> distinct = new TreeSet<>();
                for (int i = 0; i < c.size(); i++) {
                    if (!c.isMissing(i)) {
                        distinct.add(c.label(i));
                    }
                }
                List<String> values = List.copyOf(distinct);
                String[] v = new String[rows];
                for (int i = 0; i < rows; i++) {
                    v[i] = values.isEmpty() || rng.nextDouble() < missingRate ? null : values.get(rng.nextInt(values.size()));
                }
                out.add(EvalColumn.categorical(c.name(), v));
            }
        }
        return new EvalTable("random baseline", out);
    }
}
