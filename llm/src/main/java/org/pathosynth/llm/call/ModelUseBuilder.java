package org.pathosynth.llm.call;

import java.util.Objects;
import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.provider.LlmEndpoint;

/**
 * What the builders of every component that asks a model set the same way: the shared client, the language of the
 * instructions, the re-asks and the privacy gate, around the endpoint the builder was made for.
 *
 * @param <B> the builder itself, so that setters chain in any order
 */
public abstract class ModelUseBuilder<B extends ModelUseBuilder<B>> {
    private final LlmEndpoint endpoint;
    private LlmClient client;
    private String language = "fr";
    private int maxReasks = 2;
    private PrivacyGate gate = PrivacyGate.strict();

    protected ModelUseBuilder(LlmEndpoint endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** The shared client (concurrency, limits, cache); one with default settings is made when none is given. */
    public B client(LlmClient c) {
        client = c;
        return self();
    }

    /** Language of the instructions, fr (default) or en. */
    public B language(String lang) {
        language = lang;
        return self();
    }

    /** How often an unusable answer is asked again (default 2). */
    public B maxReasks(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("maxReasks must be >= 0, got " + n);
        }
        maxReasks = n;
        return self();
    }

    /** Which texts may go to the model (default strict: real-derived text stays on-premise). */
    public B privacyGate(PrivacyGate g) {
        gate = Objects.requireNonNull(g, "gate");
        return self();
    }

    /** The settings as given, with a client of default settings when none was. */
    protected final ModelUse modelUse() {
        return new ModelUse(endpoint, client == null ? LlmClient.builder().build() : client, language, maxReasks, gate);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}
