package org.pathosynth.eval.report;

import java.util.Locale;
import org.pathosynth.eval.distance.DistanceMetrics;
import org.pathosynth.eval.privacy.DcrOverfittingProtection;

/**
 * What the privacy figures say together, in one sentence for a clinician deciding whether a table may leave the
 * hospital: are synthetic rows closer to the training patients than to patients the synthesizer never saw (DCR share,
 * overfitting protection, identical matches against training and holdout), and how many copy a training row. The
 * reading is empirical: it is never a differential-privacy guarantee, and says so.
 */
public final class PrivacyReading {
    /**
     * DCR share above this, or protection below {@link #PROTECTION} (with a holdout of comparable size), or this many more
     * copies of training than of holdout rows: memorised.
     */
    static final double SHARE = 0.55;
    static final double PROTECTION = 0.9;
    static final double EXTRA_COPIES = 0.02;
    /** Holdout rows per training row from which the overfitting protection is read (below, it is biased by the sizes). */
    static final double COMPARABLE_SIZES = 0.8;
    /** A share of synthetic rows identical to a training row worth naming even when holdout rows are copied as often. */
    static final double COPIES_WORTH_NAMING = 0.05;

    private PrivacyReading() {
    }

    /** The sentence, or null when the report has no distances. */
    public static String of(QualityReport r) {
        DistanceMetrics d = r.distances();
        if (d == null) {
            return null;
        }
        String copies = pct(d.imsTraining());
        if (Double.isNaN(d.dcrShare())) {
            return "Without a holdout table, closeness to the training patients cannot be told from closeness to any patient: "
                    + copies + " of the synthetic rows are identical to a training row. Evaluate with a holdout before sharing.";
        }
        DcrOverfittingProtection o = r.overfitting();
        String figures = String.format(Locale.ROOT, "DCR share %.3f%s", d.dcrShare(),
                o == null ? "" : String.format(Locale.ROOT, ", overfitting protection %.3f", o.score()));
        // SDMetrics' protection compares nearest distances to tables of their own sizes: a training table several times
        // the holdout is nearer by size alone (an independent-marginals sample reads 0.55 on METABRIC's 4:1 split), so it
        // is read only where the sizes are comparable; the DCR share samples equal sizes and is always read.
        boolean comparableSizes = holdoutShareOfTraining(r) >= COMPARABLE_SIZES;
        boolean memorised = d.dcrShare() > shareThreshold(r) || (o != null && comparableSizes && o.score() < PROTECTION)
                || d.imsTraining() > d.imsHoldout() + EXTRA_COPIES;
        if (memorised) {
            return "Synthetic rows are closer to the training patients than to unseen ones (" + figures + "; " + copies
                    + " identical to a training row, " + pct(d.imsHoldout()) + " to a holdout row): the synthesizer has memorised "
                    + "training rows. Do not share this table as it is.";
        }
        if (d.imsTraining() >= COPIES_WORTH_NAMING) {
            return "Synthetic rows are no closer to the training patients than to unseen ones (" + figures + "), but " + copies
                    + " are identical to a training row (" + pct(d.imsHoldout()) + " to a holdout row): common combinations of few "
                    + "columns, yet each is some patient's row. Check rare values before sharing; these figures are not a "
                    + "differential-privacy guarantee.";
        }
        return "Synthetic rows are no closer to the training patients than to unseen ones (" + figures + ") and " + copies
                + " are identical to a training row: no sign of memorised patients by these measures, which are not a "
                + "differential-privacy guarantee.";
    }

    /**
     * The DCR share above which synthetic rows are closer to training than chance explains: {@link #SHARE}, or two
     * binomial standard deviations above 0.5 for the holdout-sized sample it is measured on, whichever is higher (on
     * 200 holdout rows an unmemorised table reads up to 0.57).
     */
    static double shareThreshold(QualityReport r) {
        Integer holdout = r.rows().get("holdout");
        return holdout == null || holdout == 0 ? SHARE : Math.max(SHARE, 0.5 + 1 / Math.sqrt(holdout));
    }

    private static double holdoutShareOfTraining(QualityReport r) {
        Integer training = r.rows().get("training");
        Integer holdout = r.rows().get("holdout");
        return training == null || holdout == null || training == 0 ? 0 : (double) holdout / training;
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
