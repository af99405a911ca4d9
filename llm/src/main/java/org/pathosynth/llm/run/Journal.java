package org.pathosynth.llm.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.pathosynth.core.generation.GenerationJournal;
import org.pathosynth.core.io.Jsonl;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.llm.internal.file.AppendOnlyLines;

/**
 * A {@link GenerationJournal} on disk, append-only ({@code journal.jsonl} in a folder): one line per written report or
 * failure, written in one system call as soon as the answer is in, so a run killed at any point (even
 * {@code kill -9}) loses at most the calls in flight. Reopening it tells a new run what is done. A line cut short by
 * a crash is dropped from the end of the file; a bad line elsewhere is an error naming it.
 */
public final class Journal implements GenerationJournal, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "journal.jsonl";

    private final Path file;
    private final Schema schema;
    private final AppendOnlyLines lines;
    private final Map<String, ReportPair> done = new HashMap<>();
    private final Map<String, String> doneBy = new HashMap<>();

    private Journal(Path file, Schema schema) throws IOException {
        this.file = file;
        this.schema = schema;
        this.lines = AppendOnlyLines.open(file, "the journal", this::load);
    }

    /** Opens (or creates) the journal in {@code dir}. */
    public static Journal open(Path dir, Schema schema) {
        try {
            Files.createDirectories(dir);
            return new Journal(dir.resolve(FILE), schema);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal in " + dir, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The pair already written for a task id by this generator, or null. */
    @Override
    public synchronized ReportPair done(String id, String generator) {
        return generator.equals(doneBy.get(id)) ? done.get(id) : null;
    }

    public synchronized int doneCount() {
        return done.size();
    }

    @Override
    public synchronized void recordSuccess(ReportPair pair, String generator) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", pair.id()).put("ok", true).put("generator", generator);
        n.set("pair", Jsonl.pairToJson(pair));
        lines.append(bytes(n));
        done.put(pair.id(), pair);
        doneBy.put(pair.id(), generator);
    }

    /** A failure is journaled too (the run summary counts it); a later run tries the task again. */
    @Override
    public synchronized void recordFailure(String id, String generator, String reason) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id).put("ok", false).put("generator", generator).put("reason", reason);
        lines.append(bytes(n));
    }

    private static byte[] bytes(ObjectNode n) {
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a line of finished work; a blank line is skipped, a line that is not an entry is an error naming it. */
    private void load(String line, long offset, int length, long number) {
        if (line.isBlank()) {
            return;
        }
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException(file + " line " + number + ": not a journal entry (malformed JSON)");
        }
        if (n.path("ok").asBoolean()) {
            ReportPair pair = Jsonl.pairFromJson(n.path("pair"), schema, file.toString(), number);
            done.put(pair.id(), pair);
            doneBy.put(pair.id(), n.path("generator").asText());
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
