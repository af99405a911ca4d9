package org.pathosynth.eval.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.io.RawCsv;
import org.pathosynth.core.schema.Attribute;

/**
 * A table as the reference metrics see it: named columns typed numeric, datetime or categorical.
 * Types are inferred from text as pandas reads a CSV (all non-empty cells numbers → numeric, all ISO
 * dates → datetime, otherwise categorical); {@link #coercedTo(EvalTable)} gives the holdout and
 * synthetic tables the training table's types, as the reference does.
 */
public final class EvalTable {
    private final String name;
    private final List<EvalColumn> columns;
    private final Map<String, Integer> index = new HashMap<>();
    private final int rows;

    public EvalTable(String name, List<EvalColumn> columns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).size() != rows) {
                throw new IllegalArgumentException(name + ": column '" + columns.get(i).name() + "' has "
                        + columns.get(i).size() + " rows, expected " + rows);
            }
            if (index.put(columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException(name + ": duplicate column '" + columns.get(i).name() + "'");
            }
        }
    }

    /** A CSV read with type inference. */
    public static EvalTable fromCsv(RawCsv csv) {
        List<EvalColumn> cols = new ArrayList<>();
        for (int c = 0; c < csv.header().size(); c++) {
            String[] cells = new String[csv.rowCount()];
            for (int r = 0; r < cells.length; r++) {
                cells[r] = csv.rows().get(r).get(c);
            }
            cols.add(infer(csv.header().get(c), cells));
        }
        return new EvalTable(csv.source(), cols);
    }

    /**
     * A schema table, seen through its canonical CSV text (so it is typed exactly as its CSV file would be), except that
     * a date column is a datetime whatever form the schema writes it in (pandas would leave 31/12/2020 as text).
     */
    public static EvalTable fromTable(String name, Table table) {
        List<EvalColumn> cols = new ArrayList<>();
        for (int c = 0; c < table.columnCount(); c++) {
            Attribute a = table.schema().attribute(c);
            if (a.isDate()) {
                double perUnit = (a.calendar().hasTime() ? 1 : 86_400) * 1e9; // days or seconds → epoch nanoseconds
                double[] nanos = new double[table.rowCount()];
                for (int r = 0; r < nanos.length; r++) {
                    Object v = table.value(r, c);
                    nanos[r] = v == null ? Double.NaN : ((Number) v).doubleValue() * perUnit;
                }
                cols.add(EvalColumn.numeric(a.name(), ColumnType.DATETIME, nanos));
                continue;
            }
            String[] cells = new String[table.rowCount()];
            for (int r = 0; r < cells.length; r++) {
                cells[r] = a.format(table.value(r, c));
            }
            cols.add(infer(a.name(), cells));
        }
        return new EvalTable(name, cols);
    }

    static EvalColumn infer(String name, String[] cells) {
        boolean numeric = true;
        boolean datetime = true;
        boolean any = false;
        for (String cell : cells) {
            if (cell == null || cell.isEmpty()) {
                continue;
            }
            any = true;
            if (numeric && Double.isNaN(parseNumber(cell))) {
                numeric = false;
            }
            if (datetime && Double.isNaN(parseDatetime(cell))) {
                datetime = false;
            }
            if (!numeric && !datetime) {
                break;
            }
        }
        if (!any || numeric) {
            return EvalColumn.numeric(name, ColumnType.NUMERIC, Arrays.stream(cells).mapToDouble(EvalTable::parseNumber).toArray());
        }
        if (datetime) {
            return EvalColumn.numeric(name, ColumnType.DATETIME, Arrays.stream(cells).mapToDouble(EvalTable::parseDatetime).toArray());
        }
        return EvalColumn.categorical(name, Arrays.stream(cells).map(s -> s == null || s.isEmpty() ? null : s).toArray(String[]::new));
    }

    /** A number, or NaN for an empty or unparsable cell. */
    static double parseNumber(String cell) {
        if (cell == null || cell.isBlank()) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(cell.strip());
            return Double.isInfinite(d) ? Double.NaN : d;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Epoch nanoseconds of an ISO date or date-time (UTC, no zone), or NaN. */
    static double parseDatetime(String cell) {
        if (cell == null || cell.isBlank()) {
            return Double.NaN;
        }
        String s = cell.strip();
        try {
            LocalDateTime t = s.length() <= 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s.replace(' ', 'T'));
            return t.toEpochSecond(ZoneOffset.UTC) * 1e9 + t.getNano();
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    /**
     * This table with the column types of {@code reference}, by name: numbers that do not parse
     * become missing, as in the reference's coercion. Columns the reference lacks are dropped;
     * columns this table lacks are an error naming them.
     */
    public EvalTable coercedTo(EvalTable reference) {
        List<EvalColumn> out = new ArrayList<>();
        for (EvalColumn ref : reference.columns) {
            EvalColumn mine = column(ref.name());
            if (mine == null) {
                throw new IllegalArgumentException(name + " has no column '" + ref.name() + "' (present in " + reference.name + ")");
            }
            out.add(coerce(mine, ref.type()));
        }
        return new EvalTable(name, out);
    }

    private static EvalColumn coerce(EvalColumn c, ColumnType type) {
        if (c.type() == type) {
            return c;
        }
        String[] text = new String[c.size()];
        for (int i = 0; i < text.length; i++) {
            text[i] = c.isMissing(i) ? null : c.isNumberLike() ? formatNumber(c.number(i)) : c.label(i);
        }
        return switch (type) {
            case NUMERIC -> EvalColumn.numeric(c.name(), type, Arrays.stream(text).mapToDouble(EvalTable::parseNumber).toArray());
            case DATETIME -> EvalColumn.numeric(c.name(), type, Arrays.stream(text).mapToDouble(EvalTable::parseDatetime).toArray());
            case CATEGORICAL -> EvalColumn.categorical(c.name(), text);
        };
    }

    private static String formatNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** Only the named columns, in the given order (each must exist). */
    public EvalTable withColumns(List<String> names) {
        List<EvalColumn> out = new ArrayList<>();
        for (String n : names) {
            EvalColumn c = column(n);
            if (c == null) {
                throw new IllegalArgumentException(name + " has no column '" + n + "'");
            }
            out.add(c);
        }
        return new EvalTable(name, out);
    }

    /** The rows at the given indices. */
    public EvalTable rows(int[] rowIndices) {
        return new EvalTable(name, columns.stream().map(c -> c.select(rowIndices)).toList());
    }

    public String name() {
        return name;
    }

    public List<EvalColumn> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(EvalColumn::name).toList();
    }

    public EvalColumn column(String columnName) {
        Integer i = index.get(columnName);
        return i == null ? null : columns.get(i);
    }

    public int rowCount() {
        return rows;
    }
}
