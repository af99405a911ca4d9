package org.pathosynth.llm.provider;

import dev.langchain4j.model.chat.ChatModel;
import java.util.Objects;

/**
 * A chat model ready to call, with the name used in provenance, caches and journals, and where it runs
 * (which decides what text the privacy gate lets through).
 *
 * @param name stable identifier, e.g. the spec text {@code openai:gpt-4o-mini}
 * @param structuredOutput whether requests may carry a JSON schema response format
 */
public record LlmEndpoint(String name, ChatModel model, Locality locality, boolean structuredOutput) {
    public LlmEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(locality, "locality");
    }

    /** Wraps a user-built LangChain4j model; the caller states where it runs. */
    public static LlmEndpoint of(String name, ChatModel model, Locality locality) {
        return new LlmEndpoint(name, model, locality, false);
    }

    @Override
    public String toString() {
        return "LlmEndpoint[" + name + ", " + locality + "]";
    }
}
