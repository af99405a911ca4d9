package org.pathosynth.eval.distance;

import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.eval.encoding.EncodedSets;

/**
 * Novelty and privacy distances in the encoding space (metrics.md 1.7, all columns): synthetic →
 * training, synthetic → holdout, holdout → training. Values are unrounded; reports round distances
 * to 3 dp and NNDR to 12 dp. Holdout-based fields are NaN (and passes null) without a holdout.
 *
 * <p>The reference additionally searches column groups when the encoding is wider than 10 and keeps
 * the group with the highest DCR share; that search depends on a random spectral clustering and is
 * not reproduced here: these are the all-columns values, which the conformance vectors make normative.
 */
public record DistanceMetrics(DistancePass syntheticToTraining, DistancePass syntheticToHoldout, DistancePass holdoutToTraining,
                              double imsTraining, double imsHoldout, double imsTrainingHoldout,
                              double dcrTraining, double dcrHoldout, double dcrTrainingHoldout,
                              double dcrShare, double shareStrictlyCloserToTraining, double shareTies,
                              double nndrTraining, double nndrHoldout, double nndrTrainingHoldout) {

    public static final String STAGE = "evaluate: distances";

    public static DistanceMetrics compute(EncodedSets sets) {
        return compute(sets, (stage, done, total) -> { });
    }

    /** As {@link #compute(EncodedSets)}, reporting query rows measured over the passes under {@link #STAGE}. */
    public static DistanceMetrics compute(EncodedSets sets, ProgressListener progress) {
        long syn = sets.synthetic().length;
        long hol = sets.holdout() == null ? 0 : sets.holdout().length;
        long total = hol == 0 ? syn : 2 * syn + hol;
        DistancePass st = DistancePass.between(sets.synthetic(), sets.training(), done -> progress.onProgress(STAGE, done, total));
        if (sets.holdout() == null) {
            return new DistanceMetrics(st, null, null, st.identicalMatchShare(), Double.NaN, Double.NaN,
                    st.meanDcr(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    st.nndrTenthSmallest(), Double.NaN, Double.NaN);
        }
        DistancePass sh = DistancePass.between(sets.synthetic(), sets.holdout(), done -> progress.onProgress(STAGE, syn + done, total));
        DistancePass ht = DistancePass.between(sets.holdout(), sets.training(), done -> progress.onProgress(STAGE, 2 * syn + done, total));
        int n = st.dcr().length;
        int closer = 0;
        int ties = 0;
        for (int i = 0; i < n; i++) {
            if (st.dcr()[i] < sh.dcr()[i]) {
                closer++;
            } else if (st.dcr()[i] == sh.dcr()[i]) { // both from the same arithmetic: exact equality is a real tie
                ties++;
            }
        }
        return new DistanceMetrics(st, sh, ht, st.identicalMatchShare(), sh.identicalMatchShare(), ht.identicalMatchShare(),
                st.meanDcr(), sh.meanDcr(), ht.meanDcr(), (closer + 0.5 * ties) / n, (double) closer / n, (double) ties / n,
                st.nndrTenthSmallest(), sh.nndrTenthSmallest(), ht.nndrTenthSmallest());
    }
}
