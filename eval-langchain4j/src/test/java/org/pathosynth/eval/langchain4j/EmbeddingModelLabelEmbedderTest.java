package org.pathosynth.eval.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathosynth.eval.encoding.Similarity;

class EmbeddingModelLabelEmbedderTest {
    @Test
    void inProcessMiniLmEmbedsLabelsByMeaning() {
        EmbeddingModelLabelEmbedder embedder = new EmbeddingModelLabelEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), "minilm");
        double[][] v = embedder.embed(List.of("invasive lobular carcinoma", "lobular carcinoma, invasive", "negative"));
        assertThat(v).hasNumberOfRows(3);
        assertThat(v[0]).hasSize(384);
        double close = Similarity.cosine(v[0], v[1]);
        double far = Similarity.cosine(v[0], v[2]);
        assertThat(close).isGreaterThan(0.8).isGreaterThan(far + 0.3);
        assertThat(embedder.name()).isEqualTo("minilm");
    }
}
