package org.pathosynth.core.pipeline;

import java.util.List;
import java.util.Map;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.extraction.Extraction;
import org.pathosynth.core.filter.FilterDecision;
import org.pathosynth.core.generation.GenerationFailure;
import org.pathosynth.core.report.Corpus;
import org.pathosynth.core.report.ReportPair;
import org.pathosynth.core.synthesis.FittedSynthesizer;

/**
 * The outcome of one {@link Pipeline} run.
 *
 * @param model the fitted model, or null when the synthetic table was kept from an earlier run (see {@code synthesis})
 * @param synthesis the synthetic table with its provenance and timings
 * @param generated every pair written, in record order
 * @param decisions the filter decision for each generated pair (same order); empty when the filtered corpus was kept
 *                  from an earlier run
 * @param accepted the pairs the filters kept
 * @param extractions for each generated pair id, what the extractor read back (empty without an extractor)
 * @param stageMillis wall-clock milliseconds per stage
 */
public record PipelineResult(long seed, FittedSynthesizer model, Synthesis synthesis, Table synthetic, List<ReportPair> generated,
                             List<FilterDecision> decisions, Corpus accepted, List<GenerationFailure> failures,
                             Map<String, Extraction> extractions, PipelineCounts counts,
                             Map<String, Long> stageMillis) {
    public PipelineResult {
        generated = List.copyOf(generated);
        decisions = List.copyOf(decisions);
        failures = List.copyOf(failures);
        extractions = Map.copyOf(extractions);
        stageMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageMillis));
    }
}
