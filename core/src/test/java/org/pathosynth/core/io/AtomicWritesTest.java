package org.pathosynth.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.report.Provenance;
import org.pathosynth.core.report.Report;
import org.pathosynth.core.schema.Schema;

/** A disk that fills up, or a writer that fails half-way, leaves the previous file whole and no temporary file. */
class AtomicWritesTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final String OLD = "sbr_grade\n1\n";

    @TempDir
    Path dir;

    /** A writer over a disk that is full after {@code room} characters. */
    private static final class DiskFullAfter extends FilterWriter {
        private int room;

        DiskFullAfter(Writer out, int room) {
            super(out);
            this.room = room;
        }

        @Override
        public void write(int c) throws IOException {
            if (--room < 0) {
                throw new IOException("No space left on device");
            }
            super.write(c);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(s.charAt(off + i));
            }
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(cbuf[off + i]);
            }
        }
    }

    private Table table() {
        StringBuilder csv = new StringBuilder("sbr_grade,er_status,tumor_size_mm\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i % 3 + 1).append(",positive,").append(10 + i % 50).append('\n');
        }
        return CsvTables.read(new StringReader(csv.toString()), "t", SCHEMA, CsvReadOptions.DEFAULT).table();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDiskFullHalfWayThroughATableLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
        Path out = dir.resolve("synthetic.csv");
        Files.writeString(out, OLD);
        Table table = table();
        // The same composition as CsvTables.write(table, path), over a disk that fills after 1,000 characters.
        assertThatThrownBy(() -> AtomicFiles.write(out, tmp -> {
            try (Writer w = new DiskFullAfter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), 1000)) {
                CsvTables.write(table, w);
            }
        })).isInstanceOf(UncheckedIOException.class).hasMessage("cannot write " + out + ": No space left on device");
        assertThat(Files.readString(out)).isEqualTo(OLD);
        assertThat(files()).containsExactly("synthetic.csv");
    }

    @Test
    void aFullDiskWrappedByTheWriterStillNamesTheTargetNotTheTemporaryFile() throws Exception {
        Path out = dir.resolve("synthetic.csv");
        assertThatThrownBy(() -> AtomicFiles.write(out, tmp -> {
            throw new UncheckedIOException(new java.nio.file.FileSystemException(tmp.toString(), null, "No space left on device"));
        })).isInstanceOf(UncheckedIOException.class).hasMessage("cannot write " + out + ": No space left on device");
        assertThat(files()).isEmpty();
    }

    @Test
    void aWriterThatCrashesLeavesNoFileWhereThereWasNone() throws Exception {
        Path out = dir.resolve("pairs.jsonl");
        List<Report> reports = List.of(new Report("r1", "a", "fr", Provenance.of("t")), new Report("r2", "b", "fr", Provenance.of("t")));
        assertThatThrownBy(() -> Jsonl.writeLines(out, reports, r -> {
            if (r.id().equals("r2")) {
                throw new IllegalStateException("generator crashed");
            }
            return Jsonl.MAPPER.createObjectNode().put("id", r.id());
        })).hasMessage("generator crashed");
        assertThat(files()).isEmpty();
    }

    @Test
    void writingATableReplacesTheFileWholeAndLeavesNothingElse() throws Exception {
        Path out = dir.resolve("synthetic.csv");
        Files.writeString(out, OLD);
        Table table = table();
        CsvTables.write(table, out);
        assertThat(files()).containsExactly("synthetic.csv");
        assertThat(CsvTables.read(out, SCHEMA).table()).isEqualTo(table);
    }

    @Test
    void aFolderThatCannotBeCreatedIsOneClearLine() throws Exception {
        Path blocker = dir.resolve("taken");
        Files.writeString(blocker, "a file, not a folder");
        Path out = blocker.resolve("out.csv");
        assertThatThrownBy(() -> CsvTables.write(table(), out))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("cannot write " + out + ": ");
        assertThat(Files.readString(blocker)).isEqualTo("a file, not a folder");
    }
}
