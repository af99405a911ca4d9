package org.pathosynth.llm.provider;

import java.net.URI;
import java.util.Objects;

/**
 * A model named by a short spec: {@code openai:gpt-4o-mini}, {@code ollama:mistral}, {@code mistral:mistral-small-latest},
 * {@code anthropic:claude-3-5-haiku-latest}, {@code gemini:gemini-2.0-flash} or
 * {@code openai-compatible:http://host:8000/v1#model}, or {@code local:/path/to/model.gguf?ctx=4096&threads=4} for a
 * model run in this JVM (the model is then the file and its options). {@code baseUrl} is null when the provider's
 * default (or a configured one) applies, and always for local models.
 */
public record ModelSpec(ProviderKind provider, String model, String baseUrl) {
    public ModelSpec {
        Objects.requireNonNull(provider, "provider");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a " + provider.prefix() + " spec needs a model name");
        }
        if (provider == ProviderKind.OPENAI_COMPATIBLE && (baseUrl == null || baseUrl.isBlank())) {
            throw new IllegalArgumentException("openai-compatible needs a base URL: openai-compatible:http://host:8000/v1#model");
        }
        if (baseUrl != null) {
            URI uri = URI.create(baseUrl);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) base URL: '" + baseUrl + "'");
            }
        }
    }

    /** Parses a spec; the error names the spec and the expected form. */
    public static ModelSpec parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.strip();
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("LLM spec '" + spec + "' must look like provider:model, e.g. openai:gpt-4o-mini,"
                    + " ollama:mistral, openai-compatible:http://host:8000/v1#model or local:/path/to/model.gguf");
        }
        ProviderKind kind = ProviderKind.ofPrefix(s.substring(0, colon));
        String rest = s.substring(colon + 1);
        if (kind == ProviderKind.OPENAI_COMPATIBLE) {
            int hash = rest.lastIndexOf('#');
            if (hash < 0) {
                throw new IllegalArgumentException("LLM spec '" + spec + "' needs '#model' after the base URL");
            }
            return new ModelSpec(kind, rest.substring(hash + 1), rest.substring(0, hash));
        }
        return new ModelSpec(kind, rest, null); // an Ollama model may carry a tag: ollama:llama3.1:8b
    }

    /**
     * The spec of a provider given the text after its prefix, as a component spec splits it ({@code mistral} in
     * {@code ollama:mistral}); null or blank names no model, which is an error.
     */
    public static ModelSpec of(ProviderKind provider, String argument) {
        Objects.requireNonNull(provider, "provider");
        return parse(provider.prefix() + ":" + (argument == null ? "" : argument));
    }

    /** The spec text (parseable again). */
    @Override
    public String toString() {
        return provider.prefix() + ":" + (provider == ProviderKind.OPENAI_COMPATIBLE ? baseUrl + "#" + model : model);
    }
}
