package org.pathosynth.core.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.ExtractionBatch;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.filter.FilterChain;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationFailure;
import org.pathosynth.core.generation.GenerationJournal;
import org.pathosynth.core.generation.GenerationRequests;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.provenance.ArtifactProvenance;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.TabularSynthesizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop in one call: fit a synthesizer to a real table, sample synthetic records, write a report for each, filter
 * the pairs, and (optionally) read every report back with an extractor. Each stage gets its own seed derived from the
 * run seed, so one seed reproduces the whole run; reports are named by {@link GenerationRequests} (the one id scheme).
 * Where each step's output is kept is the {@link PipelineStore}'s business: in memory by default, or the run folder of
 * the command line, from which a re-run resumes.
 */
public final class Pipeline {
    /** The steps, as stores name them. */
    public static final String SYNTHESIZE = "synthesize";
    public static final String GENERATE = "generate";
    public static final String FILTER = "filter";

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final TabularSynthesizer synthesizer;
    private final ReportGenerator generator;
    private final FilterChain filters;
    private final PathologyExtractor extractor;
    private final long seed;
    private final ProgressListener progress;
    private final PipelineStore store;

    private Pipeline(Builder b) {
        this.synthesizer = Objects.requireNonNull(b.synthesizer, "synthesizer");
        this.generator = Objects.requireNonNull(b.generator, "generator");
        this.filters = b.filters == null ? FilterChain.none() : b.filters;
        this.extractor = b.extractor;
        this.seed = b.seed;
        this.progress = b.progress;
        this.store = b.store;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The seed the synthetic table of a run with {@code seed} is sampled with. */
    public static long sampleSeed(long seed) {
        return Seeds.derive(seed, "sample", 0);
    }

    /**
     * Runs the loop for {@code n} synthetic records.
     *
     * @throws IllegalArgumentException when n is not positive or the real table is empty
     */
    public PipelineResult run(Table real, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of records must be positive, got " + n);
        }
        if (real.rowCount() == 0) {
            throw new IllegalArgumentException("the real table has no rows");
        }
        Map<String, Long> millis = new LinkedHashMap<>();
        Synthesis synthesis = synthesize(real, n, millis);
        Table synthetic = synthesis.synthetic();

        List<ReportPair> generated;
        List<GenerationFailure> failures = List.of();
        if (store.isDone(GENERATE)) {
            generated = store.loadGenerated(real.schema().reportable());
        } else {
            long t = System.nanoTime();
            GenerationBatch batch;
            try (GenerationJournal journal = store.openJournal(real.schema().reportable())) {
                batch = generator.generateAll(GenerationRequests.forTable(synthetic, seed), journal, progress);
            }
            millis.put("generate", elapsed(t));
            store.saveGenerated(batch, millis.get("generate"));
            generated = batch.pairs();
            failures = batch.failures();
        }

        List<ReportPair> accepted;
        List<FilterDecision> decisions = List.of();
        Map<String, Integer> rejectedBy = Map.of();
        int filterErrors = 0;
        if (store.isDone(FILTER)) {
            accepted = store.loadFiltered(real.schema().reportable());
        } else {
            long t = System.nanoTime();
            FilterChain.Outcome outcome = filters.apply(generated);
            progress.onProgress("filter", generated.size(), generated.size());
            millis.put("filter", elapsed(t));
            store.saveFiltered(generated, filters, outcome);
            accepted = outcome.kept();
            decisions = outcome.decisions();
            rejectedBy = outcome.rejectedByFilter();
            filterErrors = outcome.filterErrors();
        }

        Map<String, Extraction> extractions = new HashMap<>();
        int extractionFailures = 0;
        if (extractor != null) {
            long t = System.nanoTime();
            ExtractionBatch read = extractor.extractAll(generated.stream().map(ReportPair::report).toList(), progress);
            read.extractions().forEach(e -> extractions.put(e.reportId(), e));
            extractionFailures = read.failures().size();
            millis.put("extract", elapsed(t));
        }

        PipelineCounts counts = new PipelineCounts(synthetic.rowCount(), generated.size(), failures.size(), accepted.size(),
                generated.size() - accepted.size(), rejectedBy, filterErrors, extractionFailures);
        LOG.info("pipeline done: {} records, {} reports, {} failed, {} accepted, {} rejected",
                counts.records(), counts.generated(), counts.generationFailures(), counts.accepted(), counts.rejected());
        return new PipelineResult(seed, synthesis.model(), synthesis, synthetic, generated, decisions,
                new Corpus(real.schema().reportable(), accepted), failures, extractions, counts, millis);
    }

    private Synthesis synthesize(Table real, int n, Map<String, Long> millis) {
        if (store.isDone(SYNTHESIZE)) {
            return store.loadSynthesis(real.schema());
        }
        long t = System.nanoTime();
        FittedSynthesizer model = synthesizer.fit(real, progress);
        long fit = elapsed(t);
        millis.put("fit", fit);
        t = System.nanoTime();
        long sampleSeed = sampleSeed(seed);
        Table synthetic = model.sample(n, sampleSeed);
        progress.onProgress("sample", n, n);
        long sample = elapsed(t);
        millis.put("sample", sample);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("rows", n);
        parameters.put("seed", sampleSeed);
        ArtifactProvenance provenance = ArtifactProvenance.of("synthetic-table", model.synthesizerName(), parameters)
                .withPrivacy(model.privacyGuarantee()).withSource("model", model.provenance());
        Synthesis synthesis = new Synthesis(synthetic, model, provenance, real.rowCount(), fit, sample);
        store.saveSynthesis(synthesis);
        return synthesis;
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Configures a pipeline: a synthesizer and a generator are required. */
    public static final class Builder {
        private TabularSynthesizer synthesizer;
        private ReportGenerator generator;
        private FilterChain filters;
        private PathologyExtractor extractor;
        private long seed = 42;
        private ProgressListener progress = ProgressListener.NONE;
        private PipelineStore store = PipelineStore.inMemory();

        public Builder synthesizer(TabularSynthesizer synthesizer) {
            this.synthesizer = synthesizer;
            return this;
        }

        public Builder generator(ReportGenerator generator) {
            this.generator = generator;
            return this;
        }

        /** One pair filter (compose several with {@link QualityFilter#and}); see {@link #filters(FilterChain)}. */
        public Builder filter(QualityFilter filter) {
            this.filters = FilterChain.of(filter);
            return this;
        }

        /** Pair filters, then corpus filters (near-duplicates) over what they keep. */
        public Builder filters(FilterChain filters) {
            this.filters = Objects.requireNonNull(filters, "filters");
            return this;
        }

        /** Optional: reads every generated report back (e.g. for round-trip accuracy). */
        public Builder extractor(PathologyExtractor extractor) {
            this.extractor = extractor;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder progress(ProgressListener progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Where step outputs are kept (default: in memory, nothing kept between runs). */
        public Builder store(PipelineStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Pipeline build() {
            return new Pipeline(this);
        }
    }
}
