package org.pathosynth.synth.gan;

import static org.assertj.core.api.Assertions.assertThat;

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
    void largestRemainderGivesExactlyNRowsInProportion() {
        assertThat(MarginalCalibration.largestRemainder(new double[] {1, 1, 1}, 10)).containsExactly(4, 3, 3);
        assertThat(MarginalCalibration.largestRemainder(new double[] {0.2, 0.7, 0.1}, 7)).containsExactly(1, 5, 1);
        assertThat(MarginalCalibration.largestRemainder(new double[] {0, 0}, 5)).containsExactly(3, 2); // no count: even
        assertThat(MarginalCalibration.largestRemainder(new double[] {-3, 2}, 4)).containsExactly(0, 4);
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
        calibration(ER, bins, counts).apply(rows, new SplittableRandom(1));
        int[] cells = cellCounts(rows, ER, bins);
        assertThat(cells[0]).isEqualTo(60);
        assertThat(cells[1]).isEqualTo(120);
        assertThat(cells[bins.missingCell()]).isEqualTo(20);
        int changed = 0;
        for (int r = 0; r < rows.size(); r++) {
            changed += bins.encode(rows.get(r)[ER]) == bins.encode(before.get(r)[ER]) ? 0 : 1;
        }
        assertThat(changed).as("only the 90 surplus rows of the first code move").isEqualTo(90);
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
        calibration(TAKEN, bins, counts).apply(rows, new SplittableRandom(3));
        int[] target = MarginalCalibration.largestRemainder(counts, 500);
        assertThat(cellCounts(rows, TAKEN, bins)).containsExactly(target);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)[ER]).isEqualTo(i); // the other columns are untouched
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
            assertThat(cells).as(SCHEMA.attribute(attributes[i]).name())
                    .containsExactly(MarginalCalibration.largestRemainder(model.calibration.counts(i), 300));
        }
        GanModel loaded = GanModel.fromJson(model.toJson());
        assertThat(model.toJson()).contains("\"marginal_calibration\"");
        assertThat(loaded.sample(300, 4)).isEqualTo(syn);
        GanModel uncalibrated = b.calibrateMarginals(false).build().fit(real);
        assertThat(uncalibrated.calibration).isNull();
        assertThat(uncalibrated.toJson()).doesNotContain("marginal_calibration");
        assertThat(uncalibrated.provenance().parameters()).containsEntry("calibrate_marginals", false);
        assertThat(uncalibrated.sample(300, 4)).isNotEqualTo(syn);
        assertThat(CtganSynthesizer.builder().epochs(1).batchSize(50).build().fit(real).calibration).isNull(); // no noisy marginal
    }

    private static MarginalCalibration calibration(int attribute, AttributeBins bins, double[] counts) {
        return new MarginalCalibration(new int[] {attribute}, new AttributeBins[] {bins}, new double[][] {counts});
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
