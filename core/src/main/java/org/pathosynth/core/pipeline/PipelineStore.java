package org.pathosynth.core.pipeline;

import java.util.List;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationJournal;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

/**
 * Where a {@link Pipeline} keeps each step's output. The steps are the same whatever the store: {@link #inMemory()}
 * keeps nothing between runs; the command line's run folder keeps files, a journal of finished reports and the steps
 * it has finished, so that a re-run resumes where the last one stopped.
 */
public interface PipelineStore {
    /** Keeps nothing: every run computes every step. */
    static PipelineStore inMemory() {
        return InMemoryStore.INSTANCE;
    }

    /** Whether {@code step} ({@link Pipeline#SYNTHESIZE}, ...) finished in an earlier run, so its output can be loaded. */
    boolean isDone(String step);

    Synthesis loadSynthesis(Schema schema);

    void saveSynthesis(Synthesis synthesis);

    /** The journal that report writing resumes from (and records into). */
    GenerationJournal openJournal(Schema schema);

    List<ReportPair> loadGenerated(Schema schema);

    /** Keeps the written pairs; the step counts as finished only when no report failed (a re-run retries them). */
    void saveGenerated(GenerationBatch batch, long millis);

    List<ReportPair> loadFiltered(Schema schema);

    void saveFiltered(List<ReportPair> input, FilterChain chain, FilterChain.Outcome outcome);
}
