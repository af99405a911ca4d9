package org.pathosynth.llm.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Answers on disk, one small JSON file per {@link LlmCall#cacheKey} (in 256 sub-folders), written to a temporary
 * file and moved into place, so a crash never leaves a half-written entry. An unreadable entry is treated as a miss
 * and overwritten. The files hold generated text: keep the folder with the rest of the run's outputs.
 */
public final class ResponseCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public ResponseCache(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the LLM cache folder " + dir, e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Optional<LlmAnswer> get(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(new LlmAnswer(n.path("text").asText(), n.path("truncated").asBoolean(),
                    n.path("input_tokens").asInt(), n.path("output_tokens").asInt(), n.path("attempts").asInt(), false));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    public void put(String key, LlmAnswer answer) {
        ObjectNode n = JSON.createObjectNode();
        n.put("text", answer.text()).put("truncated", answer.truncated()).put("input_tokens", answer.inputTokens())
                .put("output_tokens", answer.outputTokens()).put("attempts", answer.attempts());
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), key.substring(0, 8), ".tmp");
            Files.writeString(tmp, n.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the LLM cache entry " + file, e);
        }
    }

    private Path file(String key) {
        if (!key.matches("[0-9a-f]{16,}")) {
            throw new IllegalArgumentException("not a cache key: " + key);
        }
        return dir.resolve(key.substring(0, 2)).resolve(key + ".json");
    }
}
