package org.pathosynth.core.filter;

import org.pathosynth.core.component.ComponentProvider;

/** Names a pair filter ({@code length}, {@code round-trip}, ...); listed in {@code META-INF/services}. */
public interface QualityFilterProvider<O extends Record> extends ComponentProvider<QualityFilter, O> {

    /** Pair filters take their settings as options, never as a spec argument ({@code name:argument} is refused). */
    @Override
    default boolean takesArgument() {
        return false;
    }
}
