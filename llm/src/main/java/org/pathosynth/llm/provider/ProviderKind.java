package org.pathosynth.llm.provider;

import java.util.Arrays;
import java.util.Locale;

/** The provider families a spec can name, with their spec prefix, default endpoint and key variable. */
public enum ProviderKind {
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY"),
    OLLAMA("ollama", "http://localhost:11434", null),
    MISTRAL("mistral", "https://api.mistral.ai/v1", "MISTRAL_API_KEY"),
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1/", "ANTHROPIC_API_KEY"),
    GEMINI("gemini", "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY"),
    /** vLLM, llama.cpp server, LM Studio, ...: the base URL is part of the spec. */
    OPENAI_COMPATIBLE("openai-compatible", null, "OPENAI_COMPATIBLE_API_KEY"),
    /**
     * A GGUF model file run in this JVM by llama.cpp ({@code local:/path/model.gguf?ctx=4096&threads=4}); needs the
     * optional artifact pathosynth-llm-llamacpp on the class path.
     */
    LOCAL("local", null, null);

    private final String prefix;
    private final String defaultBaseUrl;
    private final String apiKeyVariable;

    ProviderKind(String prefix, String defaultBaseUrl, String apiKeyVariable) {
        this.prefix = prefix;
        this.defaultBaseUrl = defaultBaseUrl;
        this.apiKeyVariable = apiKeyVariable;
    }

    public String prefix() {
        return prefix;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The environment variable read for the API key, or null when the provider needs none. */
    public String apiKeyVariable() {
        return apiKeyVariable;
    }

    /** Whether a call without an API key must be refused before it is sent. */
    public boolean requiresApiKey() {
        return this != OLLAMA && this != OPENAI_COMPATIBLE && this != LOCAL;
    }

    public static ProviderKind ofPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.prefix.equals(p)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown LLM provider '" + prefix + "'; expected one of "
                        + Arrays.stream(values()).map(ProviderKind::prefix).toList()));
    }
}
