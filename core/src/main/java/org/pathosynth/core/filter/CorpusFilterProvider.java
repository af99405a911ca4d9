package org.pathosynth.core.filter;

import org.pathosynth.core.component.ComponentProvider;

/** Names a corpus filter ({@code near-duplicate}, ...); listed in {@code META-INF/services}. */
public interface CorpusFilterProvider<O extends Record> extends ComponentProvider<CorpusFilter, O> {
}
