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
    void withoutAHoldoutItSaysWhatCannotBeTold() {
        assertThat(PrivacyReading.of(report("ds1_clean", false))).startsWith("Without a holdout table")
                .contains("Evaluate with a holdout before sharing");
    }
}
