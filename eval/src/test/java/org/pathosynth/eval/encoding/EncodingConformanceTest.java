package org.pathosynth.eval.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pathosynth.eval.conformance.Conformance;
import org.pathosynth.eval.data.EvalTable;
import org.pathosynth.eval.fidelity.Rounding;

/** Reproduces the encoded rows, centroids and cosine similarities of expected.json (metrics.md 1.5–1.6). */
class EncodingConformanceTest {
    static final List<String> DATASETS = Conformance.DATASETS;
    private static final double TOL = 1e-9;

    private static EncodedSets encode(String dataset) {
        EvalTable[] t = Conformance.tables(dataset);
        return RowEncoder.encode(t[0], t[1], t[2], new HashingLabelEmbedder(), 0);
    }

    @ParameterizedTest
    @FieldSource("DATASETS")
    void columnNamesMatch(String dataset) {
        JsonNode e = Conformance.expected(dataset).get("embeddings");
        assertThat(encode(dataset).columns()).containsExactlyElementsOf(Conformance.strings(e.get("encoded_columns")));
    }

    @ParameterizedTest
    @FieldSource("DATASETS")
    void rawAndNormalisedRowsMatchUpToPcaSign(String dataset) {
        EncodedSets enc = encode(dataset);
        String[] sets = {"train", "holdout", "synthetic"};
        double[][][] raw = {enc.trainingRaw(), enc.holdoutRaw(), enc.syntheticRaw()};
        double[][][] norm = {enc.training(), enc.holdout(), enc.synthetic()};
        double[] signs = pcaSigns(enc, Conformance.matrix(dataset, "encoded_raw_train.csv"));
        for (int s = 0; s < 3; s++) {
            compare(enc, raw[s], Conformance.matrix(dataset, "encoded_raw_" + sets[s] + ".csv"), signs, true);
            compare(enc, norm[s], Conformance.matrix(dataset, "encoded_" + sets[s] + ".csv"), signs, false);
        }
    }

    /** Per PCA column, +1 or −1 so that our first clearly non-zero value has the reference's sign. */
    private static double[] pcaSigns(EncodedSets enc, double[][] expected) {
        double[] signs = new double[enc.width()];
        for (int j = 0; j < enc.width(); j++) {
            signs[j] = 1;
            if (enc.columns().get(j).contains(" - PCA ")) {
                for (int r = 0; r < expected.length; r++) {
                    if (Math.abs(expected[r][j]) > 1e-6) {
                        signs[j] = Math.signum(expected[r][j]) * Math.signum(enc.trainingRaw()[r][j]);
                        break;
                    }
                }
            }
        }
        return signs;
    }

    private static void compare(EncodedSets enc, double[][] ours, double[][] expected, double[] signs, boolean numericBitExact) {
        assertThat(ours.length).isEqualTo(expected.length);
        for (int r = 0; r < expected.length; r++) {
            for (int j = 0; j < enc.width(); j++) {
                boolean pca = enc.columns().get(j).contains(" - PCA ");
                if (numericBitExact && !pca) {
                    assertThat(ours[r][j]).as("row %d column %s", r, enc.columns().get(j)).isEqualTo(expected[r][j]);
                } else {
                    assertThat(signs[j] * ours[r][j]).as("row %d column %s", r, enc.columns().get(j)).isCloseTo(expected[r][j], within(TOL));
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("DATASETS")
    void centroidsAndCosineMatch(String dataset) {
        JsonNode e = Conformance.expected(dataset).get("embeddings");
        EncodedSets enc = encode(dataset);
        double[] ct = Similarity.centroid(enc.training());
        double[] ch = Similarity.centroid(enc.holdout());
        double[] cs = Similarity.centroid(enc.synthetic());
        double[][] ours = {ct, ch, cs};
        String[] keys = {"training", "holdout", "synthetic"};
        for (int s = 0; s < 3; s++) {
            double[] expected = Conformance.doubles(e.get("centroids").get(keys[s]));
            for (int j = 0; j < expected.length; j++) {
                assertThat(Math.abs(ours[s][j])).as("%s centroid %d", keys[s], j).isCloseTo(Math.abs(expected[j]), within(TOL));
            }
        }
        JsonNode sim = e.get("similarity");
        double ts = Similarity.cosine(ct, cs);
        double th = Similarity.cosine(ct, ch);
        assertThat(ts).isCloseTo(sim.get("unrounded").get("training_synthetic").asDouble(), within(TOL));
        assertThat(th).isCloseTo(sim.get("unrounded").get("training_holdout").asDouble(), within(TOL));
        assertThat(Rounding.python(ts, 7)).isEqualTo(sim.get("cosine_similarity_training_synthetic").asDouble());
        assertThat(Rounding.python(th, 7)).isEqualTo(sim.get("cosine_similarity_training_holdout").asDouble());
    }
}
