package org.pathosynth.eval.report;

/** Centroid cosine similarities in the encoding space (unrounded), and the label embedder used. */
public record SimilarityResult(double trainingSynthetic, double trainingHoldout, String labelEmbedder, int rowsPerSet) {
}
