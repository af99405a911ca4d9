package org.pathosynth.eval.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pathosynth.eval.data.ColumnType;
import org.pathosynth.eval.data.EvalColumn;
import org.pathosynth.eval.data.EvalTable;

/** The indexed DCR equals the direct all-pairs loop bit for bit, on tables built to hit every kind of cell. */
class GowerDcrTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void indexedDcrEqualsTheDirectLoopExactly(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int refRows = 300 + rng.nextInt(400);
        int queryRows = 200 + rng.nextInt(300);
        EvalTable[] t = tables(rng, refRows, queryRows);
        double[] direct = directDcr(t[0], t[1]);
        double[] indexed = GowerDcr.dcr(t[0], t[1]);
        assertThat(indexed).containsExactly(direct);
        assertThat(java.util.Arrays.stream(direct).filter(d -> d == 0).count()).isPositive(); // copies occur
        assertThat(java.util.Arrays.stream(direct).max().orElseThrow()).isGreaterThan(0.05); // and far rows
    }

    @Test
    void reportsRowsDoneInOrderUpToAllRows() {
        EvalTable[] t = tables(new SplittableRandom(9), 500, 2_500);
        List<Long> seen = new ArrayList<>();
        GowerDcr.dcr(t[0], t[1], seen::add);
        assertThat(seen).isSorted().hasSizeGreaterThan(1).last().isEqualTo(2_500L);
    }

    @Test
    void emptyReferenceGivesInfiniteDistances() {
        EvalTable[] t = tables(new SplittableRandom(3), 10, 5);
        EvalTable empty = t[1].rows(new int[0]);
        assertThat(GowerDcr.dcr(t[0], empty)).containsOnly(Double.POSITIVE_INFINITY);
    }

    /** [0] queries, [1] reference: categories (some unseen by the reference), numbers, datetimes, a constant and an all-missing column. */
    private static EvalTable[] tables(SplittableRandom rng, int refRows, int queryRows) {
        int total = refRows + queryRows;
        String[] ward = new String[total];
        String[] stage = new String[total];
        double[] size = new double[total];
        double[] nodes = new double[total];
        double[] admitted = new double[total];
        double[] constant = new double[total];
        double[] empty = new double[total];
        for (int i = 0; i < total; i++) {
            boolean query = i >= refRows;
            ward[i] = rng.nextInt(12) == 0 ? null : "w" + rng.nextInt(query ? 5 : 4); // w4 only in queries
            stage[i] = rng.nextInt(20) == 0 ? null : "s" + rng.nextInt(3);
            size[i] = rng.nextInt(8) == 0 ? Double.NaN : Math.round(rng.nextDouble() * 600) / 10.0;
            nodes[i] = rng.nextInt(6) == 0 ? Double.NaN : rng.nextInt(12) == 0 ? -0.0 : rng.nextInt(25);
            admitted[i] = rng.nextInt(10) == 0 ? Double.NaN : 1.6e18 + rng.nextInt(1_000) * 86_400e9;
            constant[i] = query && rng.nextInt(4) == 0 ? 2 : 1; // range 0 in the reference
            empty[i] = query && rng.nextInt(3) == 0 ? 5 : Double.NaN;
        }
        for (int i = refRows; i < total; i += 7) { // exact copies of reference rows
            int k = rng.nextInt(refRows);
            ward[i] = ward[k];
            stage[i] = stage[k];
            size[i] = size[k];
            nodes[i] = nodes[k];
            admitted[i] = admitted[k];
            constant[i] = constant[k];
            empty[i] = empty[k];
        }
        EvalTable all = new EvalTable("t", List.of(EvalColumn.categorical("ward", ward), EvalColumn.categorical("stage", stage),
                EvalColumn.numeric("size", ColumnType.NUMERIC, size), EvalColumn.numeric("nodes", ColumnType.NUMERIC, nodes),
                EvalColumn.numeric("admitted", ColumnType.DATETIME, admitted),
                EvalColumn.numeric("constant", ColumnType.NUMERIC, constant), EvalColumn.numeric("empty", ColumnType.NUMERIC, empty)));
        int[] ref = new int[refRows];
        int[] qry = new int[queryRows];
        for (int i = 0; i < total; i++) {
            if (i < refRows) {
                ref[i] = i;
            } else {
                qry[i - refRows] = i;
            }
        }
        return new EvalTable[] {all.rows(qry), all.rows(ref)};
    }

    /** metrics.md 2.1 written as the obvious double loop: the oracle. */
    private static double[] directDcr(EvalTable queries, EvalTable reference) {
        List<String> names = queries.columnNames();
        Map<String, Double> ranges = GowerDcr.ranges(reference, names);
        double[] out = new double[queries.rowCount()];
        for (int i = 0; i < out.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < reference.rowCount(); k++) {
                double sum = 0;
                for (String name : names) {
                    sum += cell(queries.column(name), i, reference.column(name), k, ranges.getOrDefault(name, Double.NaN));
                }
                best = Math.min(best, sum / names.size());
            }
            out[i] = best;
        }
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
        double scale = q.type() == ColumnType.DATETIME ? 1e9 : 1;
        double diff = Math.abs(q.number(i) / scale - r.number(k) / scale);
        if (range == 0 || Double.isNaN(range)) {
            return diff > 0 ? 1 : 0;
        }
        return Math.min(diff / range, 1);
    }
}
