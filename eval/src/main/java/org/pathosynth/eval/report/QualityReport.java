package org.pathosynth.eval.report;

import java.util.List;
import java.util.Map;
import org.pathosynth.eval.distance.DistanceMetrics;
import org.pathosynth.eval.extraction.ExtractionScores;
import org.pathosynth.eval.fidelity.FidelityResult;
import org.pathosynth.eval.privacy.DcrOverfittingProtection;
import org.pathosynth.eval.text.TextDiversity;

/**
 * Everything measured about a synthetic table (and optionally a corpus and an extractor): fidelity,
 * similarity, distances/novelty, DCR overfitting protection, extraction scores, text diversity,
 * with input sizes, warnings about the inputs, and timings. Optional parts are null when not measured.
 */
public record QualityReport(Map<String, Integer> rows, List<String> columns, List<String> warnings,
                            FidelityResult fidelity, SimilarityResult similarity, DistanceMetrics distances,
                            DcrOverfittingProtection overfitting, ExtractionScores extraction, TextDiversity textDiversity,
                            Map<String, Long> timingsMillis) {
    public QualityReport {
        rows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
        timingsMillis = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMillis));
    }

    /** The same report with extraction scores and/or text diversity added. */
    public QualityReport with(ExtractionScores extractionScores, TextDiversity diversity) {
        return new QualityReport(rows, columns, warnings, fidelity, similarity, distances, overfitting,
                extractionScores != null ? extractionScores : extraction, diversity != null ? diversity : textDiversity,
                timingsMillis);
    }
}
