package org.pathosynth.synth.mst;

import org.pathosynth.synth.internal.dp.Zcdp;

/**
 * MST's privacy accounting (private-pgm): (ε, δ) is converted to a zCDP budget ρ, split between the
 * 1-way measurements, the tree selection and the 2-way measurements (equal thirds in the reference).
 * A Gaussian round of k marginals with budget ρ_r has per-cell noise sqrt(k / (2ρ_r)); each of the
 * d − 1 exponential-mechanism draws uses ε_EM = sqrt(8 ρ_s / (d − 1)). The parts add up to ρ.
 *
 * @param rho total zCDP budget
 * @param sigma the reference's base scale sqrt(3 / (2ρ)) (equal thirds)
 * @param split fractions of ρ for 1-ways, selection and 2-ways
 */
record ZcdpBudget(double epsilon, double delta, double rho, double sigma, int attributes, int histograms,
                  double selectionEpsilon, double[] split) {
    /** The reference split: equal thirds. */
    private static final double[] THIRDS = {1.0 / 3, 1.0 / 3, 1.0 / 3};

    static ZcdpBudget of(double epsilon, double delta, int attributes) {
        return of(epsilon, delta, attributes, THIRDS);
    }

    static ZcdpBudget of(double epsilon, double delta, int attributes, double[] split) {
        if (split.length != 3 || split[0] <= 0 || split[1] <= 0 || split[2] <= 0
                || Math.abs(split[0] + split[1] + split[2] - 1) > 1e-9) {
            throw new IllegalArgumentException("the budget split needs three positive fractions summing to 1, got "
                    + java.util.Arrays.toString(split));
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a positive finite number, got " + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        if (attributes < 1) {
            throw new IllegalArgumentException("MST needs at least one attribute");
        }
        double rho = Zcdp.rho(epsilon, delta);
        double sigma = Math.sqrt(3 / (2 * rho));
        double em = attributes > 1 ? Math.sqrt(8 * (rho * split[1]) / (attributes - 1)) : 0;
        return new ZcdpBudget(epsilon, delta, rho, sigma, attributes, 0, em, split.clone());
    }

    /** Noise standard deviation per cell of the 1-way round (d marginals), and of the histograms of exact values. */
    public double oneWayNoise() {
        return Math.sqrt(attributes / (2 * rho * split[0]));
    }

    /** The zCDP one histogram of exact values costs: as much as a 1-way marginal. */
    double histogramRho() {
        return rho * split[0] / attributes;
    }

    /**
     * Whether one more histogram of exact values can be measured: each is paid for by the 2-way round, which keeps at
     * least half its share.
     */
    boolean canMeasureHistogram() {
        return (histograms + 1) * histogramRho() <= 0.5 * rho * split[2];
    }

    /** The same budget with one more histogram of exact values measured, its cost taken from the 2-way round. */
    ZcdpBudget withHistogram() {
        if (!canMeasureHistogram()) {
            throw new IllegalStateException("the 2-way round cannot pay for another histogram");
        }
        return new ZcdpBudget(epsilon, delta, rho, sigma, attributes, histograms + 1, selectionEpsilon, split);
    }

    /** Noise standard deviation per cell of the 2-way round (d − 1 marginals), its share less the histograms' cost. */
    public double twoWayNoise() {
        return Math.sqrt(Math.max(1, attributes - 1) / (2 * (rho * split[2] - histograms * histogramRho())));
    }
}
