package org.pathosynth.eval.extraction;

/**
 * Scores of predictions matched to gold records by id.
 *
 * @param gold                   gold records scored
 * @param missingPredictions     gold records without a prediction (scored as nothing extracted)
 * @param predictionsWithoutGold predictions whose id has no gold record (ignored)
 */
public record IdMatchedScores(ExtractionScores scores, int gold, int missingPredictions, int predictionsWithoutGold) {
}
