package org.pathosynth.core.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.extraction.PathologyExtractor;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.filter.QualityFilter;
import org.pathosynth.core.generation.GenerationBatch;
import org.pathosynth.core.generation.GenerationRequest;
import org.pathosynth.core.generation.ReportGenerator;
import org.pathosynth.core.random.Seeds;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.synthesis.FittedSynthesizer;
import org.pathosynth.core.synthesis.TabularSynthesizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop in one call: fit a synthesizer to a real table, sample synthetic records, write a report
 * for each, filter the pairs, and (optionally) read every report back with an extractor. Each stage
 * gets its own seed derived from the run seed, so one seed reproduces the whole run.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final TabularSynthesizer synthesizer;
    private final ReportGenerator generator;
    private final QualityFilter filter;
    private final PathologyExtractor extractor;
    private final long seed;
    private final ProgressListener progress;

    private Pipeline(Builder b) {
        this.synthesizer = Objects.requireNonNull(b.synthesizer, "synthesizer");
        this.generator = Objects.requireNonNull(b.generator, "generator");
        this.filter = b.filter == null ? QualityFilter.acceptAll() : b.filter;
        this.extractor = b.extractor;
        this.seed = b.seed;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
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

        long t = System.nanoTime();
        FittedSynthesizer model = synthesizer.fit(real, progress);
        millis.put("fit", elapsed(t));

        t = System.nanoTime();
        Table synthetic = model.sample(n, Seeds.derive(seed, "sample"));
        progress.onProgress("sample", n, n);
        millis.put("sample", elapsed(t));

        t = System.nanoTime();
        List<GenerationRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < synthetic.rowCount(); i++) {
            requests.add(new GenerationRequest(String.format("syn-%06d", i), synthetic.record(i),
                    Seeds.derive(seed, "generate", i)));
        }
        GenerationBatch batch = generator.generateAll(requests, progress);
        millis.put("generate", elapsed(t));

        t = System.nanoTime();
        List<FilterDecision> decisions = new ArrayList<>(batch.pairs().size());
        List<ReportPair> accepted = new ArrayList<>();
        Map<String, Integer> rejectedBy = new HashMap<>();
        int filterErrors = 0;
        long done = 0;
        for (ReportPair pair : batch.pairs()) {
            FilterDecision d;
            try {
                d = filter.judge(pair);
            } catch (RuntimeException e) {
                filterErrors++;
                d = FilterDecision.reject(filter.name(), 0.0, List.of("filter error: " + e.getClass().getSimpleName()));
            }
            decisions.add(d);
            if (d.accepted()) {
                accepted.add(pair);
            } else {
                rejectedBy.merge(d.filter(), 1, Integer::sum);
            }
            progress.onProgress("filter", ++done, batch.pairs().size());
        }
        millis.put("filter", elapsed(t));

        Map<String, Extraction> extractions = new HashMap<>();
        int extractionFailures = 0;
        if (extractor != null) {
            t = System.nanoTime();
            done = 0;
            for (ReportPair pair : batch.pairs()) {
                try {
                    extractions.put(pair.id(), extractor.extract(pair.report()));
                } catch (RuntimeException e) {
                    extractionFailures++;
                }
                progress.onProgress("extract", ++done, batch.pairs().size());
            }
            millis.put("extract", elapsed(t));
        }

        PipelineCounts counts = new PipelineCounts(synthetic.rowCount(), batch.pairs().size(),
                batch.failures().size(), accepted.size(), batch.pairs().size() - accepted.size(), rejectedBy,
                filterErrors, extractionFailures);
        LOG.info("pipeline done: {} records, {} reports, {} failed, {} accepted, {} rejected",
                counts.records(), counts.generated(), counts.generationFailures(), counts.accepted(), counts.rejected());
        return new PipelineResult(seed, model, synthetic, batch.pairs(), decisions,
                new Corpus(real.schema(), accepted), batch.failures(), extractions, counts, millis);
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Configures a pipeline: a synthesizer and a generator are required. */
    public static final class Builder {
        private TabularSynthesizer synthesizer;
        private ReportGenerator generator;
        private QualityFilter filter;
        private PathologyExtractor extractor;
        private long seed = 42;
        private ProgressListener progress = ProgressListener.NONE;

        public Builder synthesizer(TabularSynthesizer synthesizer) {
            this.synthesizer = synthesizer;
            return this;
        }

        public Builder generator(ReportGenerator generator) {
            this.generator = generator;
            return this;
        }

        public Builder filter(QualityFilter filter) {
            this.filter = filter;
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

        public Pipeline build() {
            return new Pipeline(this);
        }
    }
}
