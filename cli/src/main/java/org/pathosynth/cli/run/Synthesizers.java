package org.pathosynth.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pathosynth.core.component.ComponentOptions;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.core.synthesis.SynthesizerProvider;
import org.pathosynth.core.synthesis.TabularSynthesizer;

/**
 * The synthesizer a {@code run} config or {@code synthesize}'s options name, found by name among the synthesizers on
 * the class path ({@link org.pathosynth.core.synthesis.Synthesizers}). The config's common keys go to the
 * synthesizers that have them; a key given explicitly to a synthesizer that lacks it is refused.
 */
public final class Synthesizers {
    private Synthesizers() {
    }

    /** The names known, for messages: "a, b or c". */
    public static String names() {
        List<String> all = org.pathosynth.core.synthesis.Synthesizers.names();
        return all.size() == 1 ? all.get(0) : String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
    }

    /**
     * @param missingColumns schema attributes the real file has no column for: MST models only the others (each
     *                       modelled attribute takes a share of the privacy budget)
     */
    public static TabularSynthesizer build(RunConfig.SynthesizerConfig c, Schema schema, Set<String> missingColumns) {
        SynthesizerProvider<?> provider;
        try {
            provider = org.pathosynth.core.synthesis.Synthesizers.provider(c.name());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("synthesizer must be " + names() + ", got '" + c.name() + "'", e);
        }
        List<String> known = ComponentOptions.names(provider.optionsType());
        Map<String, Object> options = new LinkedHashMap<>();
        // Keys every config carries (with defaults) go where they apply.
        putIfKnown(options, known, "epsilon", c.epsilon());
        putIfKnown(options, known, "marginals", c.marginals());
        putIfKnown(options, known, "train_seed", c.trainSeed());
        // Keys a config carries only when the user gave them must apply.
        requireKnown(c.name(), known, "delta", c.delta());
        requireKnown(c.name(), known, "epochs", c.epochs());
        putIfKnown(options, known, "delta", c.delta());
        putIfKnown(options, known, "epochs", c.epochs());
        if (known.contains("attributes")) {
            options.put("attributes", new ArrayList<>(schema.names().stream().filter(a -> !missingColumns.contains(a)).toList()));
        }
        if (c.options() != null) {
            options.putAll(c.options());
        }
        if (!known.contains(ACCEPT_DATA_DOMAINS)) {
            options.remove(ACCEPT_DATA_DOMAINS); // only differentially private synthesizers refuse data-derived domains
        }
        try {
            return org.pathosynth.core.synthesis.Synthesizers.create(c.name(), options);
        } catch (IllegalArgumentException e) {
            // "synthesizer 'mst': epsilon must be ..." -> "epsilon must be ...": callers name the key or option themselves
            String prefix = "synthesizer '" + c.name() + "': ";
            String m = e.getMessage();
            throw new IllegalArgumentException(m != null && m.startsWith(prefix) ? m.substring(prefix.length()) : m, e);
        }
    }

    private static final String ACCEPT_DATA_DOMAINS = "accept_data_domains";

    /**
     * Refuses, before a run writes anything, what a differentially private synthesizer would refuse after the split: domains
     * read from the private data (inferred columns without public bounds) that the config does not accept. Otherwise the
     * run folder would already belong to this config when the user adds the bounds the message asks for.
     */
    public static void checkDataDomains(RunConfig.SynthesizerConfig c, Schema schema) {
        SynthesizerProvider<?> provider = org.pathosynth.core.synthesis.Synthesizers.provider(c.name());
        if (!ComponentOptions.names(provider.optionsType()).contains(ACCEPT_DATA_DOMAINS)) {
            return; // not differentially private
        }
        Map<String, Object> options = c.options() == null ? Map.of() : c.options();
        boolean accepted = "true".equals(String.valueOf(options.get(ACCEPT_DATA_DOMAINS))); // true or "true" in the config
        List<String> modelled = options.get("attributes") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : schema.names();
        org.pathosynth.core.synthesis.DataDomains.check(c.name(), schema, modelled, accepted);
    }

    private static void putIfKnown(Map<String, Object> options, List<String> known, String key, Object value) {
        if (value != null && known.contains(key)) {
            options.put(key, value);
        }
    }

    private static void requireKnown(String synthesizer, List<String> known, String key, Object value) {
        if (value != null && !known.contains(key)) {
            List<String> having = org.pathosynth.core.synthesis.Synthesizers.names().stream()
                    .filter(n -> ComponentOptions.names(org.pathosynth.core.synthesis.Synthesizers.provider(n).optionsType()).contains(key))
                    .toList();
            throw new IllegalArgumentException(key + " does not apply to " + synthesizer + ": " + key + " applies to "
                    + String.join(" and ", having) + " only");
        }
    }
}
