package org.pathosynth.core.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        MessageDigest d = digest();
        for (Attribute a : table.schema().attributes()) {
            update(d, a.name());
        }
        for (int r = 0; r < table.rowCount(); r++) {
            d.update((byte) '\n');
            for (int c = 0; c < table.columnCount(); c++) {
                Object v = table.value(r, c);
                update(d, v == null ? "\u0000" : table.schema().attributes().get(c).format(v));
            }
        }
        return new DataFingerprint(table.rowCount(), HexFormat.of().formatHex(d.digest()));
    }

    /** Over each pair's id, record values and report text, in order. */
    public static DataFingerprint ofPairs(Iterable<ReportPair> pairs) {
        MessageDigest d = digest();
        long n = 0;
        for (ReportPair p : pairs) {
            n++;
            update(d, p.id());
            for (Object v : p.record().values()) {
                update(d, v == null ? "\u0000" : v.toString());
            }
            update(d, p.report().language());
            update(d, p.report().text());
        }
        return new DataFingerprint(n, HexFormat.of().formatHex(d.digest()));
    }

    /** Over a file's bytes ({@code rows} is -1). */
    public static DataFingerprint ofFile(Path file) {
        MessageDigest d = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int k; (k = in.read(buf)) > 0; ) {
                d.update(buf, 0, k);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new DataFingerprint(-1, HexFormat.of().formatHex(d.digest()));
    }

    private static void update(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update((byte) (b.length >>> 24));
        d.update((byte) (b.length >>> 16));
        d.update((byte) (b.length >>> 8));
        d.update((byte) b.length);
        d.update(b);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
