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
 * with input sizes, warnings about the inputs, the tables' coherence with the schema's rules, and timings. Optional parts
 * are null when not measured.
 */
public record QualityReport(Map<String, Integer> rows, List<String> columns, List<String> warnings,
                            FidelityResult fidelity, SimilarityResult similarity, DistanceMetrics distances,
                            DcrOverfittingProtection overfitting, ExtractionScores extraction, TextDiversity textDiversity,
                            org.pathosynth.eval.coherence.Coherence coherence, Map<String, Long> timingsMillis) {
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
                coherence, timingsMillis);
    }

    /** The same report with the tables' coherence counts (null: none measured). */
    public QualityReport withCoherence(org.pathosynth.eval.coherence.Coherence counts) {
        return new QualityReport(rows, columns, warnings, fidelity, similarity, distances, overfitting, extraction, textDiversity,
                counts, timingsMillis);
    }

    /** The same report with one more warning about its inputs. */
    public QualityReport withWarning(String warning) {
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new QualityReport(rows, columns, more, fidelity, similarity, distances, overfitting, extraction, textDiversity,
                coherence, timingsMillis);
    }

    /** The row counts as a reader says them: "2,386 training, 596 holdout and 500 synthetic rows". */
    public String rowsInWords() {
        List<String> parts = new java.util.ArrayList<>();
        rows.forEach((table, n) -> parts.add(String.format(java.util.Locale.ROOT, "%,d %s", n, table)));
        String joined = parts.size() <= 1 ? String.join("", parts)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return joined + " rows";
    }

    /** The time per stage in seconds: "accuracy 0.2 s, encoding 0.1 s, distances 0.8 s". */
    public String timingsInWords() {
        List<String> parts = new java.util.ArrayList<>();
        timingsMillis.forEach((stage, ms) -> parts.add(String.format(java.util.Locale.ROOT, "%s %.1f s", stage.replace('_', ' '), ms / 1000.0)));
        return String.join(", ", parts);
    }
}
