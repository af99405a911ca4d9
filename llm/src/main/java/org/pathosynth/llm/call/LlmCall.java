package org.pathosynth.llm.call;

import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One request to a chat model: the messages and the sampling parameters. Equal calls to the same model have
 * the same {@link #cacheKey}, which is how the cache and the journal recognise work already paid for.
 *
 * @param temperature null for the provider's default
 * @param maxOutputTokens null for the provider's default
 * @param jsonSchema null for free text
 * @param seed passed to providers that take one; part of the key either way
 */
public record LlmCall(List<ChatTurn> messages, Double temperature, Integer maxOutputTokens, JsonSchema jsonSchema, Long seed) {
    public LlmCall {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a call needs at least one message");
        }
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
        }
        if (maxOutputTokens != null && maxOutputTokens <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive, got " + maxOutputTokens);
        }
    }

    public static LlmCall of(List<ChatTurn> messages) {
        return new LlmCall(messages, null, null, null, null);
    }

    public LlmCall withTemperature(Double t) {
        return new LlmCall(messages, t, maxOutputTokens, jsonSchema, seed);
    }

    public LlmCall withMaxOutputTokens(Integer n) {
        return new LlmCall(messages, temperature, n, jsonSchema, seed);
    }

    public LlmCall withJsonSchema(JsonSchema schema) {
        return new LlmCall(messages, temperature, maxOutputTokens, schema, seed);
    }

    public LlmCall withSeed(Long s) {
        return new LlmCall(messages, temperature, maxOutputTokens, jsonSchema, s);
    }

    /** The conversation with one more user turn (a re-ask after a bad answer). */
    public LlmCall followedBy(String assistantAnswer, String userCorrection) {
        List<ChatTurn> more = new java.util.ArrayList<>(messages);
        more.add(ChatTurn.assistant(assistantAnswer));
        more.add(ChatTurn.user(userCorrection));
        return new LlmCall(more, temperature, maxOutputTokens, jsonSchema, seed);
    }

    /** Rough token count (4 characters a token) used by the client-side token rate limit before the real count is known. */
    public int estimatedTokens() {
        int chars = 0;
        for (ChatTurn t : messages) {
            chars += t.text().length();
        }
        return chars / 4 + 1 + (maxOutputTokens == null ? 1024 : maxOutputTokens);
    }

    /** SHA-256 over the model name, every message and every parameter. */
    public String cacheKey(String modelName) {
        Objects.requireNonNull(modelName, "modelName");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, modelName);
            for (ChatTurn t : messages) {
                update(sha, t.role().name());
                update(sha, t.text());
            }
            update(sha, String.valueOf(temperature));
            update(sha, String.valueOf(maxOutputTokens));
            update(sha, jsonSchema == null ? "-" : jsonSchema.toString());
            update(sha, String.valueOf(seed));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update((byte) (b.length >>> 24));
        sha.update((byte) (b.length >>> 16));
        sha.update((byte) (b.length >>> 8));
        sha.update((byte) b.length);
        sha.update(b);
    }

    @Override
    public String toString() {
        return "LlmCall[" + messages.size() + " messages, temperature " + temperature + ", seed " + seed + "]";
    }
}
