package org.pathosynth.eval.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.pathosynth.eval.data.ColumnType;
import org.pathosynth.eval.data.EvalColumn;
import org.pathosynth.eval.data.EvalTable;

/**
 * SDMetrics' distance to closest record (metrics.md 2.1): on the raw columns, numeric and datetime
 * differences scaled by the reference set's range and capped at 1, categories 0/1, a missing value
 * against a present one 1; the row distance is the mean over columns, the DCR its minimum over the
 * reference rows.
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
                    double v = value(c, i);
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
        }
        double[] out = new double[queries.rowCount()];
        IntStream.range(0, out.length).parallel().forEach(i -> {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < reference.rowCount(); k++) {
                double sum = 0;
                for (int j = 0; j < nc; j++) {
                    sum += cell(q[j], i, r[j], k, range[j]);
                }
                best = Math.min(best, sum / nc);
            }
            out[i] = best;
        });
        return out;
    }

    private static double cell(EvalColumn q, int i, EvalColumn r, int k, double range) {
        boolean qm = q.isMissing(i);
        boolean rm = r.isMissing(k);
        if (qm || rm) {
            return qm && rm ? 0 : 1;
        }
        if (q.type() == ColumnType.CATEGORICAL) {
            return q.label(i).equals(r.label(k)) ? 0 : 1;
        }
        double diff = Math.abs(value(q, i) - value(r, k));
        if (range == 0 || Double.isNaN(range)) {
            return diff > 0 ? 1 : 0;
        }
        return Math.min(diff / range, 1);
    }

    /** Datetimes in seconds, numbers as they are. */
    private static double value(EvalColumn c, int i) {
        return c.type() == ColumnType.DATETIME ? c.number(i) / 1e9 : c.number(i);
    }
}
