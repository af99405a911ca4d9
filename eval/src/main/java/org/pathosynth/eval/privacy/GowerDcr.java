package org.pathosynth.eval.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.pathosynth.eval.data.EvalColumn;
import org.pathosynth.eval.distance.ParallelRows;
import org.pathosynth.eval.data.EvalTable;

/**
 * SDMetrics' distance to closest record (metrics.md 2.1): on the raw columns, numeric and datetime
 * differences scaled by the reference set's range and capped at 1, categories 0/1, a missing value
 * against a present one 1; the row distance is the mean over columns, the DCR its minimum over the
 * reference rows. {@link GowerIndex} finds it without comparing every pair of rows.
 */
public final class GowerDcr {
    private GowerDcr() {
    }

    /** Ranges (max − min, datetimes in seconds) of the number-like columns of a reference set. */
    public static Map<String, Double> ranges(EvalTable reference, List<String> columns) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : columns) {
            EvalColumn c = reference.column(name);
            if (!c.isNumberLike()) {
                continue;
            }
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < c.size(); i++) {
                if (!c.isMissing(i)) {
                    double v = GowerIndex.value(c, i);
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            out.put(name, max >= min ? max - min : Double.NaN);
        }
        return out;
    }

    /** DCR of every row of {@code queries} against {@code reference}, over the columns present in both. */
    public static double[] dcr(EvalTable queries, EvalTable reference) {
        return dcr(queries, reference, done -> { });
    }

    /**
     * As {@link #dcr(EvalTable, EvalTable)}, telling {@code rowsDone} how many query rows are done
     * after each chunk (on the calling thread). Exact: equal bit for bit to comparing every pair.
     */
    public static double[] dcr(EvalTable queries, EvalTable reference, LongConsumer rowsDone) {
        List<String> columns = new ArrayList<>();
        for (String name : queries.columnNames()) {
            if (reference.column(name) != null) {
                columns.add(name);
            }
        }
        Map<String, Double> ranges = ranges(reference, columns);
        int nc = columns.size();
        EvalColumn[] q = new EvalColumn[nc];
        EvalColumn[] r = new EvalColumn[nc];
        double[] range = new double[nc];
        for (int j = 0; j < nc; j++) {
            q[j] = queries.column(columns.get(j));
            r[j] = reference.column(columns.get(j));
            range[j] = ranges.getOrDefault(columns.get(j), Double.NaN);
            if (q[j].type() != r[j].type()) {
                throw new IllegalArgumentException("column '" + columns.get(j) + "' is " + q[j].type() + " in one table and "
                        + r[j].type() + " in the other");
            }
        }
        double[] out = new double[queries.rowCount()];
        if (reference.rowCount() == 0) {
            Arrays.fill(out, Double.POSITIVE_INFINITY);
            return out;
        }
        GowerIndex index = new GowerIndex(r, range);
        ParallelRows.forEach(out.length, i -> out[i] = index.new Query(q, i).nearestSum() / nc, rowsDone);
        return out;
    }
}
