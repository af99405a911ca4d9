package org.pathosynth.eval.fidelity;

/**
 * Mean accuracies (unrounded; {@link #rounded()} gives the reported 7-dp values). A component
 * that does not exist (e.g. trivariate with two columns) is NaN and left out of {@code overall}.
 */
public record AccuracySummary(double overall, double univariate, double bivariate, double trivariate,
                              double overallMax, double univariateMax, double bivariateMax, double trivariateMax) {

    /** The same values rounded to 7 decimals, as reported. */
    public AccuracySummary rounded() {
        return new AccuracySummary(r(overall), r(univariate), r(bivariate), r(trivariate),
                r(overallMax), r(univariateMax), r(bivariateMax), r(trivariateMax));
    }

    private static double r(double x) {
        return Double.isNaN(x) ? x : Rounding.python(x, 7);
    }
}
