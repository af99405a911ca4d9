package org.pathosynth.core.filter;

import org.pathosynth.core.component.ComponentProvider;

/** Names a corpus filter ({@code near-duplicate}, ...); listed in {@code META-INF/services}. */
public interface CorpusFilterProvider<O extends Record> extends ComponentProvider<CorpusFilter, O> {

    /** Corpus filters take their settings as options, never as a spec argument ({@code name:argument} is refused). */
    @Override
    default boolean takesArgument() {
        return false;
    }
}
