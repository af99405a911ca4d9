package org.pathosynth.core.component;

import java.util.List;

/**
 * Several providers listed as one service, for an artifact whose providers differ only by a value (one LLM extractor
 * and one LLM teacher per provider family, say) and so are instances of one class rather than one class each. Listed in
 * {@code META-INF/services/org.pathosynth.core.component.ProviderGroup}; {@link Components} finds their providers of a
 * kind with those listed one by one.
 */
public interface ProviderGroup {
    /** The group's providers, of any kinds: the registry keeps those of the kind it looks for. */
    List<ComponentProvider<?, ?>> providers();
}
