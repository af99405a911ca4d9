package org.pathosynth.llm.provider;

import java.util.ServiceLoader;

/**
 * Opens {@code local:} specs: models that run inside this JVM, so no text leaves the process. Implemented by the
 * optional artifact pathosynth-llm-llamacpp (GGUF files through llama.cpp) and found with {@link ServiceLoader}, so
 * this module needs no native code and works without it.
 */
public interface InProcessModelProvider {

    /** Loads (or reuses) the model the spec names; errors name the file or option at fault. */
    LlmEndpoint open(ModelSpec spec);

    /** The provider on the class path; a clear error when there is none. */
    static InProcessModelProvider installed() {
        return ServiceLoader.load(InProcessModelProvider.class).findFirst().orElseThrow(() -> new IllegalStateException(
                "local: models run in this JVM through llama.cpp, which is not on the class path: add the artifact "
                        + "org.pathosynth:pathosynth-llm-llamacpp (the examples jar includes it), or use a server "
                        + "(ollama:, openai-compatible:)"));
    }
}
