package org.pathosynth.core.io;

import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as text cells, for callers that infer column types themselves (e.g. evaluation of arbitrary tables). The
 * dialect is detected or given as for {@link CsvTables}; in a file with decimal commas, a column whose every cell is a
 * number has its cells rewritten with a decimal point. Every row has the header's width; errors name the source and line.
 */
public record RawCsv(String source, List<String> header, List<List<String>> rows, CsvDialect dialect) {
    public RawCsv {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public RawCsv(String source, List<String> header, List<List<String>> rows) {
        this(source, header, rows, CsvDialect.STANDARD);
    }

    public static RawCsv read(Path file) {
        return read(file, CsvReadOptions.DEFAULT);
    }

    public static RawCsv read(Path file, CsvReadOptions options) {
        try (CsvInput input = CsvInput.open(file, options)) {
            return read(input);
        }
    }

    public static RawCsv read(Reader reader, String source) {
        return read(reader, source, CsvReadOptions.DEFAULT);
    }

    public static RawCsv read(Reader reader, String source, CsvReadOptions options) {
        return read(CsvInput.of(reader, source, options));
    }

    private static RawCsv read(CsvInput input) {
        List<String> header = input.header();
        List<List<String>> rows = new ArrayList<>();
        List<String> fields;
        while ((fields = input.next()) != null) {
            if (fields.size() != header.size()) {
                throw input.wrongWidth(fields);
            }
            rows.add(fields);
        }
        if (input.dialect().decimalComma()) {
            rows = withDecimalPoints(rows, header.size());
        }
        return new RawCsv(input.source(), header, rows.stream().map(List::copyOf).toList(), input.dialect());
    }

    /** Rewrites the columns whose every non-blank cell is a number, some with a decimal comma. */
    private static List<List<String>> withDecimalPoints(List<List<String>> rows, int width) {
        boolean[] numeric = new boolean[width];
        for (int c = 0; c < width; c++) {
            boolean anyComma = false;
            boolean allNumbers = true;
            for (List<String> row : rows) {
                String cell = row.get(c).strip();
                if (cell.isEmpty()) {
                    continue;
                }
                if (DecimalComma.looksLike(cell)) {
                    anyComma = true;
                } else if (!isPlainNumber(cell)) {
                    allNumbers = false;
                    break;
                }
            }
            numeric[c] = anyComma && allNumbers;
        }
        List<List<String>> out = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            List<String> copy = new ArrayList<>(row);
            for (int c = 0; c < width; c++) {
                if (numeric[c]) {
                    copy.set(c, DecimalComma.normalize(copy.get(c)));
                }
            }
            out.add(copy);
        }
        return out;
    }

    private static boolean isPlainNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public int rowCount() {
        return rows.size();
    }
}
