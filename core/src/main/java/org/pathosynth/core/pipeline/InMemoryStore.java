package org.pathosynth.core.pipeline;

import java.util.List;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationJournal;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.schema.Schema;

/** The store that keeps nothing: no step is ever done before, nothing is loaded. */
final class InMemoryStore implements PipelineStore {
    static final InMemoryStore INSTANCE = new InMemoryStore();

    private InMemoryStore() {
    }

    @Override
    public boolean isDone(String step) {
        return false;
    }

    @Override
    public Synthesis loadSynthesis(Schema schema) {
        throw new IllegalStateException("nothing is kept in memory between runs");
    }

    @Override
    public void saveSynthesis(Synthesis synthesis) {
    }

    @Override
    public GenerationJournal openJournal(Schema schema) {
        return GenerationJournal.NONE;
    }

    @Override
    public List<ReportPair> loadGenerated(Schema schema) {
        throw new IllegalStateException("nothing is kept in memory between runs");
    }

    @Override
    public void saveGenerated(GenerationBatch batch, long millis) {
    }

    @Override
    public List<ReportPair> loadFiltered(Schema schema) {
        throw new IllegalStateException("nothing is kept in memory between runs");
    }

    @Override
    public void saveFiltered(List<ReportPair> input, FilterChain chain, FilterChain.Outcome outcome) {
    }
}
