package org.pathosynth.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Attribute;

/**
 * Identifies data without holding it: a count of rows (or pairs, or bytes) and the SHA-256 of the content. Saved in
 * models and outputs so that one can tell which data made them, and whether it has changed since.
 *
 * @param rows rows of a table, pairs of a corpus, or -1 for a file's bytes
 */
public record DataFingerprint(long rows, String sha256) {
    public DataFingerprint {
        Objects.requireNonNull(sha256, "sha256");
    }

    /** Over the column names and every cell as the CSV writer would write it, row by row. */
    public static DataFingerprint of(Table table) {
        ContentHash h = ContentHash.sha256();
        for (Attribute a : table.schema().attributes()) {
            h.field(a.name());
        }
        for (int r = 0; r < table.rowCount(); r++) {
            h.separator((byte) '\n');
            for (int c = 0; c < table.columnCount(); c++) {
                Object v = table.value(r, c);
                h.field(v == null ? "\u0000" : table.schema().attributes().get(c).format(v));
            }
        }
        return new DataFingerprint(table.rowCount(), h.hex());
    }

    /** Over each pair's id, record values and report text, in order. */
    public static DataFingerprint ofPairs(Iterable<ReportPair> pairs) {
        ContentHash h = ContentHash.sha256();
        long n = 0;
        for (ReportPair p : pairs) {
            n++;
            h.field(p.id());
            for (Object v : p.record().values()) {
                h.field(v == null ? "\u0000" : v.toString());
            }
            h.field(p.report().language());
            h.field(p.report().text());
        }
        return new DataFingerprint(n, h.hex());
    }

    /** Over a file's bytes ({@code rows} is -1). */
    public static DataFingerprint ofFile(Path file) {
        ContentHash h = ContentHash.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int k; (k = in.read(buf)) > 0; ) {
                h.bytes(buf, 0, k);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new DataFingerprint(-1, h.hex());
    }
}
