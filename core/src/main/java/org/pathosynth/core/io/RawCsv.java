package org.pathosynth.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file as text cells, for callers that infer column types themselves (e.g. evaluation of
 * arbitrary tables). Every row has the header's width; errors name the source and line.
 */
public record RawCsv(String source, List<String> header, List<List<String>> rows) {
    public RawCsv {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static RawCsv read(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static RawCsv read(Reader reader, String source) {
        CsvParser parser = new CsvParser(reader, source);
        List<String> header = parser.next();
        if (header == null) {
            throw new DataFormatException(source, 1, null, null, "a header line naming the columns (the file is empty)");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> fields;
        while ((fields = parser.next()) != null) {
            if (fields.size() != header.size()) {
                throw new DataFormatException(source, parser.recordLine(), null, null,
                        header.size() + " fields as in the header, found " + fields.size());
            }
            rows.add(List.copyOf(fields));
        }
        return new RawCsv(source, header.stream().map(String::strip).toList(), rows);
    }

    public int rowCount() {
        return rows.size();
    }
}
