package org.pathosynth.core.component;

import java.util.Objects;

/**
 * A component as users name it: {@code name} alone ({@code "mst"}, {@code "rules"}, {@code "template"}) or
 * {@code name:argument} ({@code "ollama:mistral"}, {@code "student:model.bin"}, {@code "local:/models/x.gguf?ctx=4096"}).
 * The name is everything before the first colon.
 *
 * @param argument what follows the first colon, or null when there is none
 */
public record ComponentSpec(String name, String argument) {
    public ComponentSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a component name is empty");
        }
    }

    public static ComponentSpec parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.strip();
        int colon = s.indexOf(':');
        return colon < 0 ? new ComponentSpec(s, null) : new ComponentSpec(s.substring(0, colon), s.substring(colon + 1));
    }

    @Override
    public String toString() {
        return argument == null ? name : name + ":" + argument;
    }
}
