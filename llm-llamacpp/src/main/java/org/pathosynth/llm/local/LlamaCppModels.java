package org.pathosynth.llm.local;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pathosynth.llm.provider.InProcessModelProvider;
import org.pathosynth.llm.provider.LlmEndpoint;
import org.pathosynth.llm.provider.Locality;
import org.pathosynth.llm.provider.ModelSpec;
import org.pathosynth.llm.provider.ProviderKind;

/**
 * Opens {@code local:} specs (found by {@link java.util.ServiceLoader}). A file loaded once is shared by every
 * endpoint of the same spec (teachers, extractor and judge of one run hold one copy of the weights). The endpoint is
 * {@link Locality#LOCAL}: the privacy gate lets real-derived text reach it by default, since it never leaves the JVM.
 */
public final class LlamaCppModels implements InProcessModelProvider {
    private static final Map<String, LlamaCppChatModel> LOADED = new ConcurrentHashMap<>();

    @Override
    public LlmEndpoint open(ModelSpec spec) {
        if (spec.provider() != ProviderKind.LOCAL) {
            throw new IllegalArgumentException("not a local: spec: " + spec);
        }
        LocalModelOptions options = LocalModelOptions.parse(spec.model());
        LlamaCppChatModel model = LOADED.computeIfAbsent(spec.toString(), name -> LlamaCppChatModel.load(name, options));
        return new LlmEndpoint(spec.toString(), model, Locality.LOCAL, true);
    }

    /** Every model loaded in this JVM, by spec, in spec order. */
    public static java.util.SortedMap<String, LlamaCppChatModel> loadedModels() {
        return new java.util.TreeMap<>(LOADED);
    }

    /** Frees every loaded model (a later spec loads again). */
    public static void closeAll() {
        LOADED.values().forEach(LlamaCppChatModel::close);
        LOADED.clear();
    }
}
