package org.pathosynth.synth.mst;

/**
 * A noisy measurement: a 1-way marginal of one attribute (with per-cell query scales, 1/√m on a
 * compressed "other" cell) or a 2-way marginal of an edge, with its noise standard deviation.
 *
 * @param edge the edge index for a 2-way measurement, -1 for a 1-way one
 * @param attribute the attribute of a 1-way measurement, -1 for a 2-way one
 * @param scale per-cell query scale (1-way only; null for 2-way, meaning identity)
 */
record Measurement(int edge, int attribute, double[] values, double[] scale, double sigma) {
}
