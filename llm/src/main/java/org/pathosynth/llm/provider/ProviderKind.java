package org.pathosynth.llm.provider;

import java.util.Arrays;
import java.util.Locale;

/** The provider families a spec can name, with their spec prefix, default endpoint and key variable. */
public enum ProviderKind {
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY", "OpenAI (openai:gpt-4o-mini)"),
    OLLAMA("ollama", "http://localhost:11434", null, "an Ollama server (ollama:mistral)"),
    MISTRAL("mistral", "https://api.mistral.ai/v1", "MISTRAL_API_KEY", "Mistral AI (mistral:mistral-small-latest)"),
    ANTHROPIC("anthropic", "https://api.anthropic.com/v1/", "ANTHROPIC_API_KEY", "Anthropic (anthropic:claude-3-5-haiku-latest)"),
    GEMINI("gemini", "https://generativelanguage.googleapis.com/v1beta", "GEMINI_API_KEY", "Google Gemini (gemini:gemini-2.0-flash)"),
    /** vLLM, llama.cpp server, LM Studio, ...: the base URL is part of the spec. */
    OPENAI_COMPATIBLE("openai-compatible", null, "OPENAI_COMPATIBLE_API_KEY",
            "an OpenAI-compatible server such as vLLM (openai-compatible:http://host:8000/v1#model)"),
    /**
     * A GGUF model file run in this JVM by llama.cpp ({@code local:/path/model.gguf?ctx=4096&threads=4}); needs the
     * optional artifact pathosynth-llm-llamacpp on the class path.
     */
    LOCAL("local", null, null, "a GGUF model run in this JVM by llama.cpp (local:/path/model.gguf?ctx=4096)");

    private final String prefix;
    private final String defaultBaseUrl;
    private final String apiKeyVariable;
    private final String description;

    ProviderKind(String prefix, String defaultBaseUrl, String apiKeyVariable, String description) {
        this.prefix = prefix;
        this.defaultBaseUrl = defaultBaseUrl;
        this.apiKeyVariable = apiKeyVariable;
        this.description = description;
    }

    public String prefix() {
        return prefix;
    }

    /** What the provider is, with an example spec, for listings. */
    public String description() {
        return description;
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
