package org.pathosynth.eval.encoding;

import java.util.List;

/**
 * Turns category labels into vectors for the similarity and distance encoding. The reference uses
 * model2vec {@code potion-base-8M}; {@link HashingLabelEmbedder} is the deterministic stand-in of
 * the conformance vectors, and any sentence-embedding model can be plugged in.
 */
public interface LabelEmbedder {
    /** A short name for reports (e.g. {@code hashing}). */
    String name();

    /** One vector per label, all of the same dimension. */
    double[][] embed(List<String> labels);
}
