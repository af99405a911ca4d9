package org.pathosynth.synth.internal.model;

import org.pathosynth.core.schema.Schema;

/**
 * The schema's less-or-equal constraints as column pairs, checked on encoded rows (doubles, NaN
 * missing) as synthesizers produce them. A constraint holds when either side is missing.
 */
public final class RowConstraints {
    private final int[][] columns; // {lesser, greater}

    private RowConstraints(int[][] columns) {
        this.columns = columns;
    }

    public static RowConstraints of(Schema schema) {
        return new RowConstraints(schema.constraints().stream()
                .map(c -> new int[] {schema.indexOf(c.lesser()), schema.indexOf(c.greater())}).toArray(int[][]::new));
    }

    public int size() {
        return columns.length;
    }

    public int lesser(int k) {
        return columns[k][0];
    }

    public int greater(int k) {
        return columns[k][1];
    }

    /** True when constraint k holds for the row (NaN comparisons are false, so a missing side passes). */
    public boolean holds(int k, double[] row) {
        return !(row[columns[k][0]] > row[columns[k][1]]);
    }

    public boolean satisfied(double[] row) {
        for (int k = 0; k < columns.length; k++) {
            if (!holds(k, row)) {
                return false;
            }
        }
        return true;
    }

    /** Lowers each broken constraint's lesser side to the greater one. */
    public void clamp(double[] row) {
        for (int k = 0; k < columns.length; k++) {
            if (!holds(k, row)) {
                row[columns[k][0]] = row[columns[k][1]];
            }
        }
    }
}
