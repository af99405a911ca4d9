package org.pathosynth.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pathosynth.eval.conformance.Conformance;
import org.pathosynth.eval.data.EvalTable;

/** One sentence that reads the privacy figures together, as a clinician deciding about sharing needs it. */
class PrivacyReadingTest {
    private static QualityReport report(String dataset, boolean withHoldout) {
        EvalTable[] t = Conformance.tables(dataset);
        return QualityEvaluator.builder().build().evaluate(t[0], withHoldout ? t[1] : null, t[2]);
    }

    @Test
    void aLeakySynthesizerIsSaidToHaveMemorisedTrainingRows() {
        QualityReport r = report("ds2_leaky", true);
        assertThat(r.distances().imsTraining()).isGreaterThan(r.distances().imsHoldout() + PrivacyReading.EXTRA_COPIES);
        assertThat(PrivacyReading.of(r)).startsWith("Synthetic rows are closer to the training patients than to unseen ones")
                .contains("Do not share this table as it is");
    }

    @Test
    void aCleanSynthesizerIsSaidToShowNoSignWithoutClaimingAGuarantee() {
        QualityReport r = report("ds1_clean", true);
        assertThat(r.distances().dcrShare()).isLessThanOrEqualTo(PrivacyReading.SHARE);
        assertThat(PrivacyReading.of(r)).startsWith("Synthetic rows are no closer to the training patients than to unseen ones")
                .contains("not a differential-privacy guarantee").doesNotContain("Do not share");
        assertThat(QualityReportHtml.render(r, "t")).contains("Privacy, read together:");
        assertThat(QualityReportConsole.render(r)).contains("privacy, read together: Synthetic rows are no closer");
    }

    @Test
    void aTrainingTableFourTimesTheHoldoutIsNotReadAsMemorisedByTheSizeBiasedProtection() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        EvalTable training = draws("training", 800, rng);
        EvalTable holdout = draws("holdout", 200, rng);
        EvalTable synthetic = draws("synthetic", 800, rng); // the same population: nothing memorised
        QualityReport r = QualityEvaluator.builder().seed(1).build().evaluate(training, holdout, synthetic);
        assertThat(r.overfitting().score()).as("biased by the 4:1 sizes").isLessThan(PrivacyReading.PROTECTION);
        assertThat(r.distances().dcrShare()).as("above 0.55 by chance alone").isGreaterThan(PrivacyReading.SHARE)
                .isLessThanOrEqualTo(PrivacyReading.shareThreshold(r));
        assertThat(PrivacyReading.of(r)).startsWith("Synthetic rows are no closer").doesNotContain("Do not share");
    }

    /** Rows drawn independently from one population: a grade, a receptor status and two measurements (ties are rare). */
    private static EvalTable draws(String name, int rows, java.util.SplittableRandom rng) {
        java.util.List<java.util.List<String>> cells = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i++) {
            cells.add(java.util.List.of(String.valueOf(1 + rng.nextInt(3)), rng.nextInt(4) == 0 ? "negative" : "positive",
                    String.format(java.util.Locale.ROOT, "%.2f", 5 + 60 * rng.nextDouble()),
                    String.format(java.util.Locale.ROOT, "%.2f", 100 * rng.nextDouble())));
        }
        return EvalTable.fromCsv(new org.pathosynth.core.io.RawCsv(name, java.util.List.of("grade", "er", "size_mm", "ki67"), cells));
    }

    @Test
    void withoutAHoldoutItSaysWhatCannotBeTold() {
        assertThat(PrivacyReading.of(report("ds1_clean", false))).startsWith("Without a holdout table")
                .contains("Evaluate with a holdout before sharing");
    }
}
