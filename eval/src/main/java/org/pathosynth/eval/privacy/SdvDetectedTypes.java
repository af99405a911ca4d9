package org.pathosynth.eval.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pathosynth.eval.data.ColumnType;
import org.pathosynth.eval.data.EvalColumn;
import org.pathosynth.eval.data.EvalTable;

/**
 * The column types SDMetrics' DCR metrics see when its user detects metadata with SDV
 * ({@code Metadata.detect_from_dataframe}, SDV 1.x, {@code _determine_sdtype_for_numbers}), as every SDMetrics user
 * without hand-written metadata does: a number column of more than 5 rows whose values are all whole and non-negative,
 * with at most {@code min(round(rows / 10), 10)} distinct values (round half to even; rows counted with missing cells),
 * is categorical, so a grade 1/2/3 costs 0 or 1 instead of a share of its range. Read from the training table, applied
 * to the others. The conformance vectors give their types by hand and are measured without this step.
 */
public final class SdvDetectedTypes {
    /** SDV's {@code _MIN_ROWS_FOR_PREDICTION}. */
    private static final int MIN_ROWS = 5;
    private static final int MAX_CATEGORIES = 10;

    private SdvDetectedTypes() {
    }

    /** The names of the training table's number columns SDV would detect as categorical. */
    public static Set<String> categoricalNumbers(EvalTable training) {
        Set<String> out = new HashSet<>();
        int rows = training.rowCount();
        if (rows <= MIN_ROWS) {
            return out;
        }
        long limit = Math.min(Math.round(Math.rint(rows / 10.0)), MAX_CATEGORIES);
        for (EvalColumn c : training.columns()) {
            if (c.type() != ColumnType.NUMERIC) {
                continue;
            }
            Set<Double> distinct = new HashSet<>();
            boolean wholeNonNegative = true;
            for (int r = 0; r < rows && wholeNonNegative; r++) {
                if (c.isMissing(r)) {
                    continue;
                }
                double v = c.number(r);
                wholeNonNegative = v >= 0 && v == Math.rint(v);
                distinct.add(v + 0.0);
            }
            if (wholeNonNegative && !distinct.isEmpty() && distinct.size() <= limit) {
                out.add(c.name());
            }
        }
        return out;
    }

    /** {@code table} with the named number columns as categories (labels the whole numbers, so equal numbers match). */
    public static EvalTable withCategories(EvalTable table, Set<String> names) {
        if (names.isEmpty()) {
            return table;
        }
        List<EvalColumn> columns = new ArrayList<>();
        for (EvalColumn c : table.columns()) {
            if (!names.contains(c.name()) || !c.isNumberLike()) {
                columns.add(c);
                continue;
            }
            String[] labels = new String[c.size()];
            for (int r = 0; r < labels.length; r++) {
                labels[r] = c.isMissing(r) ? null : label(c.number(r));
            }
            columns.add(EvalColumn.categorical(c.name(), labels));
        }
        return new EvalTable(table.name(), columns);
    }

    private static String label(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
