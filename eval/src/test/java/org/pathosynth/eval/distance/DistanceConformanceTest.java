package org.pathosynth.eval.distance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.pathosynth.eval.conformance.Conformance;
import org.pathosynth.eval.data.EvalTable;
import org.pathosynth.eval.encoding.HashingLabelEmbedder;
import org.pathosynth.eval.encoding.RowEncoder;
import org.pathosynth.eval.fidelity.Rounding;

/** Reproduces expected.json → embeddings.distances_all_columns and the per-row DCR/NNDR arrays (metrics.md 1.7). */
class DistanceConformanceTest {
    static final List<String> DATASETS = Conformance.DATASETS;
    private static final double TOL = 1e-9;

    private static DistanceMetrics compute(String dataset) {
        EvalTable[] t = Conformance.tables(dataset);
        return DistanceMetrics.compute(RowEncoder.encode(t[0], t[1], t[2], new HashingLabelEmbedder(), 0));
    }

    @ParameterizedTest
    @FieldSource("DATASETS")
    void summaryValuesMatch(String dataset) {
        JsonNode d = Conformance.expected(dataset).get("embeddings").get("distances_all_columns");
        DistanceMetrics m = compute(dataset);
        assertThat(Rounding.python(m.imsTraining(), 3)).isEqualTo(d.get("ims_training").asDouble());
        assertThat(Rounding.python(m.imsHoldout(), 3)).isEqualTo(d.get("ims_holdout").asDouble());
        assertThat(Rounding.python(m.imsTrainingHoldout(), 3)).isEqualTo(d.get("ims_trn_hol").asDouble());
        assertThat(Rounding.python(m.dcrTraining(), 3)).isEqualTo(d.get("dcr_training").asDouble());
        assertThat(Rounding.python(m.dcrHoldout(), 3)).isEqualTo(d.get("dcr_holdout").asDouble());
        assertThat(Rounding.python(m.dcrTrainingHoldout(), 3)).isEqualTo(d.get("dcr_trn_hol").asDouble());
        assertThat(m.dcrShare()).isEqualTo(d.get("dcr_share").asDouble());
        assertThat(m.nndrTraining()).isCloseTo(d.get("nndr_training").asDouble(), within(TOL));
        assertThat(m.nndrHoldout()).isCloseTo(d.get("nndr_holdout").asDouble(), within(TOL));
        assertThat(m.nndrTrainingHoldout()).isCloseTo(d.get("nndr_trn_hol").asDouble(), within(TOL));
        JsonNode u = d.get("unrounded");
        assertThat(m.imsTraining()).isEqualTo(u.get("ims_training").asDouble());
        assertThat(m.dcrTraining()).isCloseTo(u.get("dcr_training").asDouble(), within(TOL));
        assertThat(m.dcrHoldout()).isCloseTo(u.get("dcr_holdout").asDouble(), within(TOL));
        assertThat(m.dcrTrainingHoldout()).isCloseTo(u.get("dcr_trn_hol").asDouble(), within(TOL));
        assertThat(m.shareStrictlyCloserToTraining()).isEqualTo(u.get("share_strictly_closer_to_training").asDouble());
        assertThat(m.shareTies()).isEqualTo(u.get("share_ties").asDouble());
    }

    @ParameterizedTest
    @FieldSource("DATASETS")
    void perRowArraysMatch(String dataset) {
        JsonNode p = Conformance.expected(dataset).get("embeddings").get("per_row");
        DistanceMetrics m = compute(dataset);
        assertThat(m.syntheticToTraining().dcr()).containsExactly(Conformance.doubles(p.get("dcr_syn_trn")), within(TOL));
        assertThat(m.syntheticToHoldout().dcr()).containsExactly(Conformance.doubles(p.get("dcr_syn_hol")), within(TOL));
        assertThat(m.holdoutToTraining().dcr()).containsExactly(Conformance.doubles(p.get("dcr_hol_trn")), within(TOL));
        assertThat(m.syntheticToTraining().nndr()).containsExactly(Conformance.doubles(p.get("nndr_syn_trn")), within(TOL));
        assertThat(m.syntheticToHoldout().nndr()).containsExactly(Conformance.doubles(p.get("nndr_syn_hol")), within(TOL));
        assertThat(m.holdoutToTraining().nndr()).containsExactly(Conformance.doubles(p.get("nndr_hol_trn")), within(TOL));
    }

    @Test
    void leakyDatasetShowsCopiesAndTies() {
        DistanceMetrics m = compute("ds2_leaky");
        assertThat(m.imsTraining()).isGreaterThan(0.25);
        assertThat(m.shareTies()).isEqualTo(4 / 200.0);
    }

    @Test
    void pruningGivesTheSameAnswerAsTheDirectScan() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        double[][] q = new double[300][12];
        double[][] d = new double[500][12];
        for (double[][] m : new double[][][] {q, d}) {
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = rng.nextGaussian();
                }
            }
        }
        d[17] = q[5].clone(); // an exact copy
        d[18] = q[5].clone(); // and its duplicate: d1 = d2 = 0
        double[][] fast = NearestNeighbours.twoNearest(q, d);
        for (int i = 0; i < q.length; i++) {
            double b1 = Double.POSITIVE_INFINITY;
            double b2 = Double.POSITIVE_INFINITY;
            for (double[] row : d) {
                double s = 0;
                for (int j = 0; j < row.length; j++) {
                    s += (q[i][j] - row[j]) * (q[i][j] - row[j]);
                }
                if (s < b1) {
                    b2 = b1;
                    b1 = s;
                } else if (s < b2) {
                    b2 = s;
                }
            }
            assertThat(fast[0][i]).isEqualTo(Math.sqrt(b1));
            assertThat(fast[1][i]).isEqualTo(Math.sqrt(b2));
        }
        assertThat(fast[0][5]).isZero();
        assertThat(fast[1][5]).isZero();
    }
}
