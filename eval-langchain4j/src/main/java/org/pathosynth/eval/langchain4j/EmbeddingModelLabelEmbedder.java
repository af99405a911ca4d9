package org.pathosynth.eval.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import java.util.Objects;
import org.pathosynth.eval.encoding.LabelEmbedder;

/**
 * Any LangChain4j {@link EmbeddingModel} as a label embedder, e.g. the in-process
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel} (offline) in place of the reference's model2vec.
 * Labels are category values, not report text; a remote model still receives them, so prefer an
 * in-process model for real data.
 */
public final class EmbeddingModelLabelEmbedder implements LabelEmbedder {
    private final EmbeddingModel model;
    private final String name;

    public EmbeddingModelLabelEmbedder(EmbeddingModel model, String name) {
        this.model = Objects.requireNonNull(model, "model");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[][] embed(List<String> labels) {
        List<Embedding> embeddings = model.embedAll(labels.stream().map(TextSegment::from).toList()).content();
        if (embeddings.size() != labels.size()) {
            throw new IllegalStateException("embedding model " + name + " returned " + embeddings.size()
                    + " vectors for " + labels.size() + " labels");
        }
        double[][] out = new double[labels.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] v = embeddings.get(i).vector();
            out[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                out[i][j] = v[j];
            }
        }
        return out;
    }
}
