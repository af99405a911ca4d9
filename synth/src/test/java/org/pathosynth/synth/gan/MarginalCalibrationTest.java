package org.pathosynth.synth.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.internal.dp.AttributeBins;

class MarginalCalibrationTest {
    private static final Schema SCHEMA = Schema.breastCancer();
    private static final int ER = SCHEMA.indexOf("er_status");
    private static final int SIZE = SCHEMA.indexOf("tumor_size_mm");
    private static final int TAKEN = SCHEMA.indexOf("lymph_nodes_taken");

    @Test
    void roundingGivesExactlyNRowsEachWithinOneOfItsShareAndRightOnAverage() {
        SplittableRandom rng = new SplittableRandom(1);
        assertThat(MarginalCalibration.proportional(new double[] {30, 60, 10}, 200, rng)).containsExactly(60, 120, 20);
        assertThat(MarginalCalibration.proportional(new double[] {-3, 2}, 4, rng)).containsExactly(0, 4);
        assertThat(MarginalCalibration.proportional(new double[] {1, 2}, 0, rng)).containsExactly(0, 0);
        double[] weights = {0.2, 0.7, 0.1};
        double[] mean = new double[3];
        for (int k = 0; k < 10_000; k++) {
            int[] one = MarginalCalibration.proportional(weights, 1, rng); // one row: never always the largest share
            int[] seven = MarginalCalibration.proportional(weights, 7, rng);
            assertThat(seven[0] + seven[1] + seven[2]).isEqualTo(7);
            for (int c = 0; c < 3; c++) {
                assertThat(Math.abs(seven[c] - 7 * weights[c])).isLessThan(1);
                mean[c] += one[c] / 10_000.0;
            }
        }
        assertThat(mean[0]).isCloseTo(0.2, within(0.02));
        assertThat(mean[1]).isCloseTo(0.7, within(0.02));
        assertThat(mean[2]).isCloseTo(0.1, within(0.02));
        int[] even = MarginalCalibration.proportional(new double[] {0, 0}, 6, rng); // no count: even
        assertThat(even).containsExactly(3, 3);
    }

    @Test
    void aCategoryColumnReachesItsTargetMovingOnlyTheSurplus() {
        AttributeBins bins = MarginalCalibration.binsOf(SCHEMA, ER);
        double[] counts = new double[bins.size()]; // ER's codes, then missing
        counts[0] = 30;
        counts[1] = 60;
        counts[bins.missingCell()] = 10;
        List<double[]> rows = rows(200, r -> {
            double[] row = blank();
            row[ER] = r < 150 ? 0 : 1; // 150 of the first code, 50 of the second, none missing
            return row;
        });
        List<double[]> before = copy(rows);
        calibration(ER, counts).apply(rows, new SplittableRandom(1));
        int[] cells = cellCounts(rows, ER, bins);
        assertThat(cells[0]).isEqualTo(60);
        assertThat(cells[1]).isEqualTo(120);
        assertThat(cells[bins.missingCell()]).isEqualTo(20);
        java.util.Set<Integer> moved = new java.util.HashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            if (bins.encode(rows.get(r)[ER]) != bins.encode(before.get(r)[ER])) {
                moved.add(r);
            }
        }
        assertThat(moved).as("only the 90 surplus rows of the first code move").hasSize(90).allMatch(r -> r < 150);
        List<double[]> again = copy(before);
        calibration(ER, counts).apply(again, new SplittableRandom(2));
        long same = moved.stream().filter(r -> again.get(r)[ER] != before.get(r)[ER]).count();
        assertThat(same).as("another seed moves other rows: they are drawn at random").isLessThan(90);
    }

    @Test
    void aNumericColumnTakesItsCellsByRankSoItsOrderIsKept() {
        AttributeBins bins = MarginalCalibration.binsOf(SCHEMA, TAKEN);
        double[] counts = new double[bins.size()];
        for (int c = 0; c < bins.missingCell(); c++) {
            counts[c] = c + 1; // more rows in the larger cells
        }
        counts[bins.missingCell()] = 30;
        SplittableRandom values = new SplittableRandom(2);
        List<double[]> rows = rows(500, r -> {
            double[] row = blank();
            row[TAKEN] = r % 10 == 0 ? Double.NaN : values.nextInt(8); // all crowded in the small counts
            row[ER] = r; // marks the row
            return row;
        });
        List<double[]> before = copy(rows);
        calibration(TAKEN, counts).apply(rows, new SplittableRandom(3));
        int[] cells = cellCounts(rows, TAKEN, bins);
        double total = java.util.Arrays.stream(counts).sum();
        for (int c = 0; c < cells.length; c++) {
            assertThat(Math.abs(cells[c] - 500 * counts[c] / total)).as("cell %d", c).isLessThanOrEqualTo(1.0);
        }
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)[ER]).isEqualTo(i); // the other columns are untouched
            if (!Double.isNaN(before.get(i)[TAKEN]) && bins.encode(before.get(i)[TAKEN]) == bins.encode(rows.get(i)[TAKEN])) {
                assertThat(rows.get(i)[TAKEN]).as("a value left in its cell is kept").isEqualTo(before.get(i)[TAKEN]);
            }
            for (int j = 0; j < rows.size(); j++) {
                double a = before.get(i)[TAKEN];
                double b = before.get(j)[TAKEN];
                if (a < b && !Double.isNaN(rows.get(i)[TAKEN]) && !Double.isNaN(rows.get(j)[TAKEN])) {
                    assertThat(bins.encode(rows.get(i)[TAKEN])).as("rows %d and %d", i, j)
                            .isLessThanOrEqualTo(bins.encode(rows.get(j)[TAKEN]));
                }
            }
        }
    }

    @Test
    void aPateModelSamplesItsNoisyMarginalsKeepsThemWhenSavedAndCanLeaveThemOut() {
        Table real = CtganSynthesizerTest.linked(400, 5);
        PateCtganSynthesizer.Builder b = PateCtganSynthesizer.builder().batchSize(50).maxIterations(1).seed(1).noiseSeed(2)
                .attributes(List.of("er_status", "pr_status", "tumor_size_mm"));
        GanModel model = b.build().fit(real);
        assertThat(model.provenance().parameters()).containsEntry("calibrate_marginals", true);
        Table syn = model.sample(300, 4);
        int[] attributes = model.calibration.attributes();
        assertThat(attributes).hasSize(SCHEMA.size()); // those without a column to missing in every row
        for (int i = 0; i < attributes.length; i++) {
            AttributeBins bins = MarginalCalibration.binsOf(SCHEMA, attributes[i]);
            int[] cells = new int[bins.size()];
            for (int r = 0; r < syn.rowCount(); r++) {
                cells[bins.encode(syn.column(attributes[i]).encoded(r))]++;
            }
            double[] target = model.calibration.reachableCounts(i);
            double total = java.util.Arrays.stream(target).sum();
            for (int c = 0; c < cells.length; c++) {
                assertThat(Math.abs(cells[c] - 300 * target[c] / total)).as("%s, cell %d", SCHEMA.attribute(attributes[i]).name(), c)
                        .isLessThanOrEqualTo(1.0);
            }
        }
        assertThat(model.withPrivacy(model.privacyGuarantee()).calibration).isSameAs(model.calibration);
        GanModel loaded = GanModel.fromJson(model.toJson());
        assertThat(model.toJson()).contains("\"marginal_calibration\"");
        assertThat(loaded.sample(300, 4)).isEqualTo(syn);
        GanModel uncalibrated = b.calibrateMarginals(false).build().fit(real);
        assertThat(uncalibrated.calibration).isNull();
        assertThat(uncalibrated.toJson()).doesNotContain("marginal_calibration");
        assertThat(uncalibrated.provenance().parameters()).containsEntry("calibrate_marginals", false);
        Table raw = uncalibrated.sample(300, 4);
        long sizeBinsHit = java.util.stream.IntStream.range(0, 300).mapToObj(r -> raw.column(SIZE).encoded(r))
                .filter(v -> !Double.isNaN(v)).map(v -> MarginalCalibration.binsOf(SCHEMA, SIZE).encode(v)).distinct().count();
        assertThat(sizeBinsHit).as("one untrained iteration leaves sizes far from the marginal").isGreaterThan(5);
        assertThat(CtganSynthesizer.builder().epochs(1).batchSize(50).build().fit(real).calibration).isNull(); // no noisy marginal
    }

    @Test
    void aPateModelDecodesNumbersByTheNoisyHistogramOfTheirExactValuesPaidForFromTheVotes() {
        Table real = org.pathosynth.synth.internal.dp.HeapedSizes.table(2000, 1); // 60 % of sizes at 20 mm
        List<String> columns = List.of("er_status", "pr_status", "her2_status", "sbr_grade", "lymph_nodes_affected",
                "tumor_size_mm"); // six marginals: one histogram costs a sixth of their share, within the votes' fifth
        PateCtganSynthesizer.Builder b = PateCtganSynthesizer.builder().batchSize(50).maxIterations(1).seed(1).noiseSeed(2)
                .attributes(columns).marginalModel(MarginalModel.ONE_WAY).marginalShare(0.5);
        // at the default share, 0.9, the votes keep a tenth of ρ and their fifth cannot pay for a marginal's cost
        GanModel atDefault = PateCtganSynthesizer.builder().batchSize(50).maxIterations(1).seed(1).noiseSeed(2)
                .attributes(columns).marginalModel(MarginalModel.ONE_WAY).build().fit(real);
        assertThat(atDefault.provenance().parameters()).containsEntry("marginal_share", 0.9);
        assertThat(atDefault.privacyGuarantee().note()).doesNotContain("histogram");
        GanModel model = b.build().fit(real);
        int i = java.util.Arrays.stream(model.calibration.attributes()).boxed().toList().indexOf(SIZE);
        assertThat(model.calibration.interior(i)).isNotNull();
        assertThat(model.provenance().parameters()).containsEntry("value_histograms", true);
        assertThat(model.privacyGuarantee().note()).contains("1 histogram(s) of exact values");
        assertThat(model.privacyGuarantee().epsilon()).isLessThanOrEqualTo(1.0);
        Table syn = model.sample(3000, 3);
        assertThat(org.pathosynth.synth.internal.dp.HeapedSizes.shareAtTwenty(syn)).isCloseTo(0.75, within(0.05));
        GanModel loaded = GanModel.fromJson(model.toJson());
        assertThat(model.toJson()).contains("\"value_histogram\"");
        assertThat(loaded.sample(500, 4)).isEqualTo(model.sample(500, 4));
        GanModel uniform = b.valueHistograms(false).build().fit(real);
        assertThat(uniform.calibration.interior(i)).isNull();
        assertThat(uniform.privacyGuarantee().note()).doesNotContain("histogram");
        assertThat(org.pathosynth.synth.internal.dp.HeapedSizes.shareAtTwenty(uniform.sample(3000, 3))).isLessThan(0.3);
        GanModel four = b.valueHistograms(true).attributes(columns.subList(2, 6)).build().fit(real);
        assertThat(four.calibration.interior(i)).as("with four marginals a histogram would cost more than the votes' fifth")
                .isNull();
        // an MST marginal model measures the histogram within its own share: the votes pay nothing for it, and the
        // calibration decodes by the exact values of the model's sample
        GanModel mst = b.attributes(columns).marginalModel(MarginalModel.MST).build().fit(real);
        assertThat(mst.privacyGuarantee().note()).contains("MST model of the 6 columns measured")
                .contains("and 1 histogram(s) of exact values");
        assertThat(mst.calibration.interior(i)).isNotNull();
        assertThat(org.pathosynth.synth.internal.dp.HeapedSizes.shareAtTwenty(mst.sample(3000, 3))).isCloseTo(0.75, within(0.05));
        GanModel mstUniform = b.valueHistograms(false).build().fit(real);
        assertThat(org.pathosynth.synth.internal.dp.HeapedSizes.shareAtTwenty(mstUniform.sample(3000, 3))).isLessThan(0.3);
    }

    @Test
    void attributesTheRulesBlankAreCalibratedAmongTheRowsTheyMayBeIn() {
        // a biopsy states no tumour size: sizes are calibrated among the other rows, biopsies counting as missing ones
        int test = SCHEMA.indexOf("test_used_for_diagnosis");
        int biopsy = SCHEMA.attribute(test).values().indexOf("biopsy");
        int mastectomy = SCHEMA.attribute(test).values().indexOf("mastectomy");
        AttributeBins testBins = MarginalCalibration.binsOf(SCHEMA, test);
        AttributeBins sizeBins = MarginalCalibration.binsOf(SCHEMA, SIZE);
        double[] testCounts = new double[testBins.size()];
        testCounts[biopsy] = 30;
        testCounts[mastectomy] = 70;
        double[] sizeCounts = new double[sizeBins.size()];
        sizeCounts[sizeBins.encode(20)] = 50;
        sizeCounts[sizeBins.encode(40)] = 20;
        sizeCounts[sizeBins.missingCell()] = 30; // the biopsies' sizes are missing in the real table
        SplittableRandom values = new SplittableRandom(4);
        List<double[]> rows = rows(1000, r -> {
            double[] row = blank();
            row[test] = values.nextDouble() < 0.5 ? biopsy : mastectomy; // too many biopsies
            row[SIZE] = 5 + values.nextInt(60);
            return row;
        });
        new MarginalCalibration(SCHEMA, new int[] {SIZE, test}, new double[][] {sizeCounts, testCounts})
                .apply(rows, new SplittableRandom(5));
        Table.Builder out = Table.builder(SCHEMA, 1000).coherent(); // as the sampler writes them
        rows.forEach(out::addEncoded);
        Table t = out.build();
        int[] cells = new int[sizeBins.size()];
        int biopsies = 0;
        for (int r = 0; r < 1000; r++) {
            cells[sizeBins.encode(t.column(SIZE).encoded(r))]++;
            biopsies += t.column(test).encoded(r) == biopsy ? 1 : 0;
        }
        assertThat(biopsies).isEqualTo(300);
        assertThat(cells[sizeBins.missingCell()]).isEqualTo(300);
        assertThat(cells[sizeBins.encode(20)]).isEqualTo(500);
        assertThat(cells[sizeBins.encode(40)]).isEqualTo(200);
    }

    @Test
    void aCellNoValueCanFallInGivesItsCountToWhereValuesLand() {
        AttributeBins bins = MarginalCalibration.binsOf(SCHEMA, SIZE); // whole millimetres on log-scale cells
        double[] counts = new double[bins.size()];
        java.util.Arrays.fill(counts, 1);
        MarginalCalibration c = new MarginalCalibration(SCHEMA, new int[] {SIZE}, new double[][] {counts});
        double[] reachable = c.reachableCounts(0);
        assertThat(reachable[1]).as("[1.33, 1.77) mm holds no whole millimetre").isZero();
        assertThat(reachable[bins.encode(2)]).isEqualTo(2);
        assertThat(java.util.Arrays.stream(reachable).sum()).isEqualTo(counts.length);
        double[] bad = counts.clone();
        bad[0] = Double.NaN;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new MarginalCalibration(SCHEMA, new int[] {SIZE}, new double[][] {bad}))
                .hasMessageContaining("tumor_size_mm").hasMessageContaining("not a finite number");
    }

    private static MarginalCalibration calibration(int attribute, double[] counts) {
        return new MarginalCalibration(SCHEMA, new int[] {attribute}, new double[][] {counts});
    }

    private static double[] blank() {
        double[] row = new double[SCHEMA.size()];
        java.util.Arrays.fill(row, Double.NaN);
        return row;
    }

    private static List<double[]> rows(int n, java.util.function.IntFunction<double[]> row) {
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            out.add(row.apply(r));
        }
        return out;
    }

    private static List<double[]> copy(List<double[]> rows) {
        return rows.stream().map(double[]::clone).toList();
    }

    private static int[] cellCounts(List<double[]> rows, int attribute, AttributeBins bins) {
        int[] cells = new int[bins.size()];
        for (double[] row : rows) {
            cells[bins.encode(row[attribute])]++;
        }
        return cells;
    }
}
