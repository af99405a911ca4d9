package org.pathosynth.extraction.student;

/**
 * Platt scaling: maps a model's raw probability that a value is right to a calibrated one,
 * {@code 1 / (1 + exp(-(a * logit(p) + b)))}, fitted on held-out pairs. The identity when a = 1, b = 0.
 */
record Calibration(double a, double b) {
    static final Calibration IDENTITY = new Calibration(1, 0);

    double apply(double p) {
        return BinaryModel.sigmoid(a * logit(p) + b);
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
        return Math.log(q / (1 - q));
    }

    /**
     * Fits a and b by Newton's method on raw probabilities and whether each value was right (with Platt's target
     * smoothing, so a perfect held-out set does not give infinite weights).
     */
    static Calibration fit(double[] raw, boolean[] right, int n) {
        if (n < 10) {
            return IDENTITY;
        }
        int positives = 0;
        for (int i = 0; i < n; i++) {
            positives += right[i] ? 1 : 0;
        }
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (n - positives + 2.0);
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 50; iter++) {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (int i = 0; i < n; i++) {
                double x = logit(raw[i]);
                double p = BinaryModel.sigmoid(a * x + b);
                double t = right[i] ? hi : lo;
                double d = p - t;
                double w = Math.max(p * (1 - p), 1e-12);
                ga += d * x;
                gb += d;
                haa += w * x * x;
                hab += w * x;
                hbb += w;
            }
            haa += 1e-9;
            hbb += 1e-9;
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) {
                break;
            }
        }
        return Double.isFinite(a) && Double.isFinite(b) ? new Calibration(a, b) : IDENTITY;
    }
}
