package org.pathosynth.core.io;

import java.util.List;
import org.pathosynth.core.data.Table;

/**
 * A table read from CSV with what did not fit: header columns the schema does not know (ignored),
 * schema attributes absent from the header (read as all missing), and rows skipped in lenient mode.
 */
public record CsvReadResult(Table table, List<String> unknownColumns, List<String> missingColumns,
                            List<DataFormatException> skippedRows) {
    public CsvReadResult {
        unknownColumns = List.copyOf(unknownColumns);
        missingColumns = List.copyOf(missingColumns);
        skippedRows = List.copyOf(skippedRows);
    }

    public int skippedRowCount() {
        return skippedRows.size();
    }
}
