package org.pathosynth.llm.call;

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
import java.util.Optional;
import org.pathosynth.llm.internal.file.AppendOnlyLines;

/**
 * Answers on disk, keyed by {@link LlmCall#cacheKey}: one append-only file ({@code answers.jsonl}) written one line
 * per answer in a single system call, with an in-memory index of key to offset (answers are read back from disk on
 * a hit). A line cut short by a crash is dropped when the cache is opened; a later answer for the same key wins.
 * Entries hold generated text: keep the folder with the rest of the run's outputs.
 */
public final class ResponseCache implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "answers.jsonl";

    private final AppendOnlyLines lines;
    private final Map<String, long[]> index = new HashMap<>(); // key -> {offset, length}

    public ResponseCache(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            lines = AppendOnlyLines.open(file, "the LLM cache", this::index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the LLM cache " + file, e);
        }
    }

    public Path file() {
        return lines.file();
    }

    public synchronized int size() {
        return index.size();
    }

    public Optional<LlmAnswer> get(String key) {
        long[] at;
        synchronized (this) {
            at = index.get(key);
        }
        if (at == null) {
            return Optional.empty();
        }
        try {
            String line = lines.read(at[0], (int) at[1]);
            return line == null ? Optional.empty() : Optional.of(parse(JSON.readTree(line)));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // treated as a miss; the new answer is appended and wins
        }
    }

    public void put(String key, LlmAnswer answer) {
        checkKey(key);
        ObjectNode n = JSON.createObjectNode();
        n.put("key", key).put("text", answer.text()).put("truncated", answer.truncated()).put("input_tokens", answer.inputTokens())
                .put("output_tokens", answer.outputTokens()).put("attempts", answer.attempts());
        byte[] line = n.toString().getBytes(StandardCharsets.UTF_8);
        synchronized (this) { // the index follows the file's order: a later answer for a key wins in both
            index.put(key, new long[] {lines.append(line), line.length});
        }
    }

    private static LlmAnswer parse(JsonNode n) {
        return new LlmAnswer(n.path("text").asText(), n.path("truncated").asBoolean(), n.path("input_tokens").asInt(),
                n.path("output_tokens").asInt(), n.path("attempts").asInt(), false);
    }

    /** Indexes a well-formed line; a damaged one is skipped (its call is simply made again). */
    private void index(String line, long offset, int length, long number) {
        try {
            String key = JSON.readTree(line).path("key").asText("");
            if (!key.isEmpty()) {
                index.put(key, new long[] {offset, length});
            }
        } catch (IOException unreadable) {
            // skipped
        }
    }

    private static void checkKey(String key) {
        if (!key.matches("[0-9a-f]{16,}")) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
