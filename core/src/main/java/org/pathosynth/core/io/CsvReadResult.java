package org.pathosynth.core.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pathosynth.core.data.Table;

/**
 * A table read from CSV with what did not fit: header columns the schema does not know (ignored), schema attributes
 * absent from the header (read as all missing), schema attributes whose column is there but blank in every row (read as
 * all missing too, and said so), numbers written with more decimals than the schema keeps (rounded, and counted per
 * column), rows skipped in lenient mode, and the dialect the file was read in.
 */
public record CsvReadResult(Table table, List<String> unknownColumns, List<String> missingColumns, List<String> emptyColumns,
                            Map<String, Integer> roundedValues, List<DataFormatException> skippedRows, CsvDialect dialect) {
    public CsvReadResult {
        unknownColumns = List.copyOf(unknownColumns);
        missingColumns = List.copyOf(missingColumns);
        emptyColumns = List.copyOf(emptyColumns);
        roundedValues = Collections.unmodifiableMap(new LinkedHashMap<>(roundedValues));
        skippedRows = List.copyOf(skippedRows);
    }

    /**
     * One line per column whose numbers were rounded to the schema's precision, e.g. "63 values of tumor_size_mm rounded
     * to whole numbers (the schema keeps 0 decimals)"; empty when none were.
     */
    public List<String> roundingNotices() {
        List<String> lines = new ArrayList<>();
        roundedValues.forEach((name, count) -> {
            Integer decimals = table.schema().attribute(name).precision();
            lines.add(String.format(Locale.ROOT, "%,d %s of %s rounded to %s (the schema keeps %d decimal%s)", count,
                    count == 1 ? "value" : "values", name, decimals == 0 ? "whole numbers" : decimals + " decimal" + (decimals == 1 ? "" : "s"),
                    decimals, decimals == 1 ? "" : "s"));
        });
        return lines;
    }

    public int skippedRowCount() {
        return skippedRows.size();
    }

    /** The schema attributes without any value in the file: its missing columns and its empty ones, in schema order. */
    public List<String> absentColumns() {
        return table.schema().names().stream().filter(n -> missingColumns.contains(n) || emptyColumns.contains(n)).toList();
    }
}
