package org.pathosynth.eval.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathosynth.core.io.RawCsv;
import org.pathosynth.eval.data.EvalTable;
import org.pathosynth.eval.encoding.HashingLabelEmbedder;
import org.pathosynth.eval.report.QualityEvaluator;

/**
 * The case the conformance vectors (hand-written metadata) miss: SDMetrics users detect metadata with SDV, which makes a
 * small whole-number column such as a grade categorical. Expected values computed with SDMetrics 0.29's
 * {@code calculate_dcr} on SDV-detected metadata.
 */
class SdvDetectedTypesTest {
    private static EvalTable table(String name, List<String> rows) {
        List<List<String>> cells = new ArrayList<>();
        rows.forEach(r -> cells.add(List.of(r.split(",", -1))));
        return EvalTable.fromCsv(new RawCsv(name, List.of("grade", "size_mm", "er_status"), cells));
    }

    private static final EvalTable TRAINING;

    static {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            rows.add("3,20.5,positive");
            rows.add("1,50.5,negative");
        }
        TRAINING = table("training", rows);
    }

    private static final EvalTable HOLDOUT = table("holdout", List.of("2,35.5,positive", "1,11.5,negative")).coercedTo(TRAINING);
    private static final EvalTable SYNTHETIC = table("synthetic", List.of("2,20.5,positive", "2,50.5,negative")).coercedTo(TRAINING);

    @Test
    void aSmallWholeNumberColumnIsACategoryAsSdvDetectsIt() {
        assertThat(SdvDetectedTypes.categoricalNumbers(TRAINING)).containsExactly("grade");
        var categories = SdvDetectedTypes.categoricalNumbers(TRAINING);
        DcrOverfittingProtection detected = DcrOverfittingProtection.compute(SdvDetectedTypes.withCategories(TRAINING, categories),
                SdvDetectedTypes.withCategories(HOLDOUT, categories), SdvDetectedTypes.withCategories(SYNTHETIC, categories));
        assertThat(detected.dcrToTraining()).containsExactly(new double[] {1 / 3.0, 1 / 3.0}, within(1e-12));
        assertThat(detected.dcrToHoldout()).containsExactly(new double[] {0.208333333333, 0.541666666667}, within(1e-9));
        assertThat(detected.score()).isEqualTo(1.0);
        // typed as a number, the grade costs a share of its range: every synthetic row is closer to training
        assertThat(DcrOverfittingProtection.compute(TRAINING, HOLDOUT, SYNTHETIC).score()).isEqualTo(0.0);
        // and the evaluator measures it as SDMetrics' users do
        // (the evaluator needs 100 rows: copies change neither ranges nor distances)
        var report = QualityEvaluator.builder().labelEmbedder(new HashingLabelEmbedder()).seed(1).build()
                .evaluate(times(TRAINING, 4), times(HOLDOUT, 50), times(SYNTHETIC, 50));
        assertThat(report.overfitting().score()).isEqualTo(1.0);
    }

    @Test
    void theDetectionRuleHasSdvsBoundaries() {
        assertThat(detects(25, 3)).isFalse(); // round(2.5) = 2 < 3 values
        assertThat(detects(26, 3)).isTrue();
        assertThat(detects(14, 2)).isFalse(); // round(1.4) = 1
        assertThat(detects(15, 2)).isTrue();  // round(1.5) = 2
        assertThat(detects(200, 10)).isTrue();
        assertThat(detects(200, 11)).isFalse(); // at most 10 categories
        assertThat(detects(5, 1)).isFalse();    // 5 rows or fewer: no prediction
    }

    @Test
    void negativeOrFractionalNumbersStayNumbers() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add((i % 2 == 0 ? "-1" : "2") + "," + (i % 2 == 0 ? "1.5" : "2") + ",positive");
        }
        assertThat(SdvDetectedTypes.categoricalNumbers(table("t", rows))).isEmpty();
    }

    private static EvalTable times(EvalTable t, int copies) {
        int[] rows = new int[t.rowCount() * copies];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i % t.rowCount();
        }
        return t.rows(rows);
    }

    private static boolean detects(int rows, int values) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add((i % values) + ",1.5,positive");
        }
        return SdvDetectedTypes.categoricalNumbers(table("t", lines)).contains("grade");
    }
}
