package org.pathosynth.core.io;

import java.util.List;
import org.pathosynth.core.data.Table;

/**
 * A table read from CSV with what did not fit: header columns the schema does not know (ignored), schema attributes
 * absent from the header (read as all missing), schema attributes whose column is there but blank in every row (read as
 * all missing too, and said so), rows skipped in lenient mode, and the dialect the file was read in.
 */
public record CsvReadResult(Table table, List<String> unknownColumns, List<String> missingColumns, List<String> emptyColumns,
                            List<DataFormatException> skippedRows, CsvDialect dialect) {
    public CsvReadResult {
        unknownColumns = List.copyOf(unknownColumns);
        missingColumns = List.copyOf(missingColumns);
        emptyColumns = List.copyOf(emptyColumns);
        skippedRows = List.copyOf(skippedRows);
    }

    public int skippedRowCount() {
        return skippedRows.size();
    }

    /** The schema attributes without any value in the file: its missing columns and its empty ones, in schema order. */
    public List<String> absentColumns() {
        return table.schema().names().stream().filter(n -> missingColumns.contains(n) || emptyColumns.contains(n)).toList();
    }
}
