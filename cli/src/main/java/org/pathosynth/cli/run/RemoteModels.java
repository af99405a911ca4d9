package org.pathosynth.cli.run;

import org.pathosynth.llm.privacy.PrivacyGate;
import org.pathosynth.llm.privacy.TextOrigin;
import org.pathosynth.llm.provider.ModelSpec;
import org.pathosynth.llm.provider.ProviderKind;
import org.pathosynth.llm.provider.Providers;

/** The privacy gate applied to an LLM spec before any call: where the model runs decides what it may be sent. */
public final class RemoteModels {
    private RemoteModels() {
    }

    /**
     * Throws when {@code gate} refuses {@code origin} text for the model {@code spec} names. A model in this JVM
     * ({@code local:}) is local and not opened here; any other is connected (no call is made), so a missing key or an
     * unknown provider is found now too.
     */
    public static void check(String spec, PrivacyGate gate, TextOrigin origin, String what) {
        if (ModelSpec.parse(spec).provider() == ProviderKind.LOCAL) {
            return;
        }
        gate.check(Providers.connect(spec), origin, what);
    }
}
