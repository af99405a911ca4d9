package org.pathosynth.llm.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers on disk, keyed by {@link LlmCall#cacheKey}: one append-only file ({@code answers.jsonl}) written one line
 * per answer in a single system call, with an in-memory index of key to offset (answers are read back from disk on
 * a hit). A line cut short by a crash is dropped when the cache is opened; a later answer for the same key wins.
 * Entries hold generated text: keep the folder with the rest of the run's outputs.
 */
public final class ResponseCache implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "answers.jsonl";

    private final Path file;
    private final FileChannel channel;
    private final Map<String, long[]> index = new HashMap<>(); // key -> {offset, length}
    private long end;

    public ResponseCache(Path dir) {
        file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            end = load();
            channel.truncate(end);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the LLM cache " + file, e);
        }
    }

    public Path file() {
        return file;
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
            ByteBuffer b = ByteBuffer.allocate((int) at[1]);
            while (b.hasRemaining()) {
                if (channel.read(b, at[0] + b.position()) < 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(parse(JSON.readTree(new String(b.array(), StandardCharsets.UTF_8))));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // treated as a miss; the new answer is appended and wins
        }
    }

    public void put(String key, LlmAnswer answer) {
        checkKey(key);
        ObjectNode n = JSON.createObjectNode();
        n.put("key", key).put("text", answer.text()).put("truncated", answer.truncated()).put("input_tokens", answer.inputTokens())
                .put("output_tokens", answer.outputTokens()).put("attempts", answer.attempts());
        byte[] line = (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                ByteBuffer b = ByteBuffer.wrap(line);
                long at = end;
                while (b.hasRemaining()) {
                    at += channel.write(b, at);
                }
                index.put(key, new long[] {end, line.length - 1});
                end = at;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to the LLM cache " + file, e);
            }
        }
    }

    private static LlmAnswer parse(JsonNode n) {
        return new LlmAnswer(n.path("text").asText(), n.path("truncated").asBoolean(), n.path("input_tokens").asInt(),
                n.path("output_tokens").asInt(), n.path("attempts").asInt(), false);
    }

    /** Indexes the well-formed lines; returns the length of the well-formed prefix. */
    private long load() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        while (start < bytes.length) {
            int stop = start;
            while (stop < bytes.length && bytes[stop] != '\n') {
                stop++;
            }
            if (stop == bytes.length) {
                return start; // cut short by a crash
            }
            try {
                JsonNode n = JSON.readTree(new String(bytes, start, stop - start, StandardCharsets.UTF_8));
                String key = n.path("key").asText("");
                if (!key.isEmpty()) {
                    index.put(key, new long[] {start, stop - start});
                }
            } catch (IOException unreadable) {
                // a damaged line is skipped: its call is simply made again
            }
            start = stop + 1;
        }
        return bytes.length;
    }

    private static void checkKey(String key) {
        if (!key.matches("[0-9a-f]{16,}")) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
