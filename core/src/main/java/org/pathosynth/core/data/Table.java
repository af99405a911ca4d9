package org.pathosynth.core.data;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.Schema;

/**
 * An immutable columnar table of typed values under a schema: coded columns for categorical,
 * ordinal and boolean attributes, double columns for integer and numeric ones.
 */
public final class Table {
    private final Schema schema;
    private final int rows;
    private final Column[] columns;

    private Table(Schema schema, int rows, Column[] columns) {
        this.schema = schema;
        this.rows = rows;
        this.columns = columns;
    }

    /** A table from records (all under {@code schema}). */
    public static Table of(Schema schema, List<ClinicalRecord> records) {
        Builder b = builder(schema, records.size());
        for (ClinicalRecord r : records) {
            b.add(r);
        }
        return b.build();
    }

    public static Builder builder(Schema schema) {
        return new Builder(schema, 16);
    }

    public static Builder builder(Schema schema, int expectedRows) {
        return new Builder(schema, expectedRows);
    }

    public Schema schema() {
        return schema;
    }

    public int rowCount() {
        return rows;
    }

    public int columnCount() {
        return columns.length;
    }

    public Column column(int index) {
        return columns[index];
    }

    public Column column(String attribute) {
        return columns[schema.indexOf(attribute)];
    }

    public Object value(int row, int column) {
        return columns[column].value(row);
    }

    public ClinicalRecord record(int row) {
        Objects.checkIndex(row, rows);
        Object[] values = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            values[c] = columns[c].value(row);
        }
        return ClinicalRecord.ofValidated(schema, values);
    }

    /** A read-only list view of the rows as records. */
    public List<ClinicalRecord> records() {
        return new AbstractList<>() {
            @Override
            public ClinicalRecord get(int index) {
                return record(index);
            }

            @Override
            public int size() {
                return rows;
            }
        };
    }

    /** The rows at the given indices, in that order. */
    public Table rows(int[] indices) {
        Builder b = builder(schema, indices.length);
        for (int i : indices) {
            b.add(record(i));
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Table t) || t.rows != rows || !t.schema.equals(schema)) {
            return false;
        }
        for (int r = 0; r < rows; r++) {
            if (!record(r).equals(t.record(r))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema.name(), rows);
    }

    @Override
    public String toString() {
        return "Table[" + schema.name() + ", " + rows + " rows x " + columns.length + " columns]";
    }

    /** Appends validated rows and freezes them into a table. */
    public static final class Builder {
        private final Schema schema;
        private final int[][] codes;
        private final double[][] numbers;
        private int rows;
        private boolean coherent;

        private Builder(Schema schema, int capacity) {
            this.schema = Objects.requireNonNull(schema, "schema");
            int n = schema.size();
            int cap = Math.max(capacity, 1);
            codes = new int[n][];
            numbers = new double[n][];
            for (int c = 0; c < n; c++) {
                if (schema.attribute(c).kind().isCoded()) {
                    codes[c] = new int[cap];
                } else {
                    numbers[c] = new double[cap];
                }
            }
        }

        /**
         * Makes every row added ({@link #add} or {@link #addEncoded}) keep the schema's coherence rules, by blanking the
         * values a rule says are absent (as synthesizers sample: post-processing of their rows).
         */
        public Builder coherent() {
            this.coherent = !schema.rules().isEmpty();
            return this;
        }

        /** Adds a record of this builder's schema (made coherent first when the builder is {@link #coherent()}). */
        public Builder add(ClinicalRecord record) {
            if (!record.schema().name().equals(schema.name())) {
                throw new IllegalArgumentException("record of schema '" + record.schema().name()
                        + "' added to a table of schema '" + schema.name() + "'");
            }
            // one path for records and encoded rows, so that a coherent builder treats both alike
            double[] row = new double[schema.size()];
            for (int c = 0; c < row.length; c++) {
                Object v = record.get(c);
                row[c] = v == null ? Double.NaN : codes[c] != null ? CodedColumn.encode(schema.attribute(c), v) : ((Number) v).doubleValue();
            }
            return addEncoded(row);
        }

        /**
         * Adds a row given as raw codes / numbers per column (codes as doubles, NaN missing), as
         * synthesizers produce them. Values are checked against the domain.
         */
        public Builder addEncoded(double[] row) {
            if (row.length != schema.size()) {
                throw new IllegalArgumentException("row has " + row.length + " cells, schema has " + schema.size());
            }
            ensureCapacity();
            if (coherent) {
                row = row.clone();
                // a rule's blanking can make another rule apply (nodes taken absent, so nodes affected go): repeat to a fixpoint
                for (int pass = 0; pass <= schema.rules().size(); pass++) {
                    double[] before = row.clone();
                    for (org.pathosynth.core.schema.CoherenceRule rule : schema.rules()) {
                        rule.enforce(row, schema);
                    }
                    if (Arrays.equals(before, row)) {
                        break;
                    }
                }
            }
            for (int c = 0; c < row.length; c++) {
                Attribute a = schema.attribute(c);
                if (codes[c] != null) {
                    int code = Double.isNaN(row[c]) ? CodedColumn.MISSING : (int) row[c];
                    if (code < CodedColumn.MISSING || code >= a.values().size()) {
                        throw new IllegalArgumentException("code " + code + " out of range for '" + a.name() + "'");
                    }
                    codes[c][rows] = code;
                } else {
                    double d = row[c];
                    numbers[c][rows] = Double.isNaN(d) ? Double.NaN : ((Number) a.validate(d)).doubleValue();
                }
            }
            rows++;
            return this;
        }

        public int size() {
            return rows;
        }

        private void ensureCapacity() {
            for (int c = 0; c < schema.size(); c++) {
                if (codes[c] != null && codes[c].length == rows) {
                    codes[c] = Arrays.copyOf(codes[c], rows * 2);
                } else if (numbers[c] != null && numbers[c].length == rows) {
                    numbers[c] = Arrays.copyOf(numbers[c], rows * 2);
                }
            }
        }

        public Table build() {
            List<Column> cols = new ArrayList<>();
            for (int c = 0; c < schema.size(); c++) {
                Attribute a = schema.attribute(c);
                cols.add(codes[c] != null
                        ? new CodedColumn(a, Arrays.copyOf(codes[c], rows))
                        : new NumericColumn(a, Arrays.copyOf(numbers[c], rows)));
            }
            return new Table(schema, rows, cols.toArray(new Column[0]));
        }
    }
}
