package org.pathosynth.llm.call;

import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.List;
import java.util.Objects;
import org.pathosynth.core.provenance.ContentHash;

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
        ContentHash h = ContentHash.sha256().field(modelName);
        for (ChatTurn t : messages) {
            h.field(t.role().name()).field(t.text());
        }
        return h.field(String.valueOf(temperature)).field(String.valueOf(maxOutputTokens))
                .field(jsonSchema == null ? "-" : jsonSchema.toString()).field(String.valueOf(seed)).hex();
    }

    @Override
    public String toString() {
        return "LlmCall[" + messages.size() + " messages, temperature " + temperature + ", seed " + seed + "]";
    }
}
