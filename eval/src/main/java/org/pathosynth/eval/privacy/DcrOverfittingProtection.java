package org.pathosynth.eval.privacy;

import java.util.Arrays;
import org.pathosynth.core.pipeline.ProgressListener;
import org.pathosynth.eval.data.EvalTable;

/**
 * SDMetrics' DCROverfittingProtection (metrics.md 2.2): p = share of synthetic rows strictly closer
 * to training than to holdout (ties count as closer to holdout), score = min(2·(1 − p), 1).
 * Scores near 1 mean no sign of memorised training rows.
 */
public record DcrOverfittingProtection(double score, double closerToTraining, double closerToHoldout, double ties,
                                       double[] dcrToTraining, double[] dcrToHoldout) {
    public static final String STAGE = "evaluate: dcr overfitting";

    public static DcrOverfittingProtection compute(EvalTable training, EvalTable holdout, EvalTable synthetic) {
        return compute(training, holdout, synthetic, (stage, done, total) -> { });
    }

    /** As {@link #compute(EvalTable, EvalTable, EvalTable)}, reporting synthetic rows measured (twice each) under {@code STAGE}. */
    public static DcrOverfittingProtection compute(EvalTable training, EvalTable holdout, EvalTable synthetic,
                                                   ProgressListener progress) {
        long total = 2L * synthetic.rowCount();
        double[] dt = GowerDcr.dcr(synthetic, training, done -> progress.onProgress(STAGE, done, total));
        double[] dh = GowerDcr.dcr(synthetic, holdout, done -> progress.onProgress(STAGE, synthetic.rowCount() + done, total));
        int closer = 0;
        int ties = 0;
        for (int i = 0; i < dt.length; i++) {
            if (dt[i] < dh[i]) {
                closer++;
            } else if (dt[i] == dh[i]) {
                ties++;
            }
        }
        double p = (double) closer / dt.length;
        return new DcrOverfittingProtection(Math.min(2 * (1 - p), 1), p, 1 - p, (double) ties / dt.length, dt, dh);
    }

    /** NumPy's median: the middle value, or the mean of the two middle values. */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
