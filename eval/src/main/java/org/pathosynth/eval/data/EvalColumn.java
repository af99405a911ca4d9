package org.pathosynth.eval.data;

import java.util.Objects;

/**
 * One evaluation column: numbers (NaN missing; epoch nanoseconds for datetimes) or text labels
 * (null missing), never both.
 */
public final class EvalColumn {
    private final String name;
    private final ColumnType type;
    private final double[] numbers;
    private final String[] labels;

    private EvalColumn(String name, ColumnType type, double[] numbers, String[] labels) {
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.numbers = numbers;
        this.labels = labels;
    }

    public static EvalColumn numeric(String name, ColumnType type, double[] values) {
        if (type == ColumnType.CATEGORICAL) {
            throw new IllegalArgumentException("numbers need a numeric or datetime type");
        }
        return new EvalColumn(name, type, values.clone(), null);
    }

    public static EvalColumn categorical(String name, String[] values) {
        return new EvalColumn(name, ColumnType.CATEGORICAL, null, values.clone());
    }

    public String name() {
        return name;
    }

    public ColumnType type() {
        return type;
    }

    public boolean isNumberLike() {
        return type != ColumnType.CATEGORICAL;
    }

    public int size() {
        return numbers != null ? numbers.length : labels.length;
    }

    public boolean isMissing(int row) {
        return numbers != null ? Double.isNaN(numbers[row]) : labels[row] == null;
    }

    /** The number of a numeric or datetime cell (NaN when missing). */
    public double number(int row) {
        return numbers[row];
    }

    /** The label of a categorical cell (null when missing). */
    public String label(int row) {
        return labels[row];
    }

    public int missingCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            if (isMissing(i)) {
                n++;
            }
        }
        return n;
    }

    /** The rows of {@code first} followed by those of {@code second} (same name and type). */
    public static EvalColumn concat(EvalColumn first, EvalColumn second) {
        if (first.type != second.type) {
            throw new IllegalArgumentException("cannot concatenate " + first.type + " and " + second.type + " columns");
        }
        if (first.numbers != null) {
            double[] out = java.util.Arrays.copyOf(first.numbers, first.numbers.length + second.numbers.length);
            System.arraycopy(second.numbers, 0, out, first.numbers.length, second.numbers.length);
            return new EvalColumn(first.name, first.type, out, null);
        }
        String[] out = java.util.Arrays.copyOf(first.labels, first.labels.length + second.labels.length);
        System.arraycopy(second.labels, 0, out, first.labels.length, second.labels.length);
        return new EvalColumn(first.name, first.type, null, out);
    }

    /** The rows at the given indices. */
    EvalColumn select(int[] rows) {
        if (numbers != null) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = numbers[rows[i]];
            }
            return new EvalColumn(name, type, out, null);
        }
        String[] out = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = labels[rows[i]];
        }
        return new EvalColumn(name, type, null, out);
    }
}
