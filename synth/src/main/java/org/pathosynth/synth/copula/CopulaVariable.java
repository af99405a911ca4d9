package org.pathosynth.synth.copula;

/**
 * One dimension of the copula: a categorical attribute's observed code, a numeric attribute's
 * observed value, or an attribute's missing flag (so missingness keeps its own correlations). A value
 * variable also keeps the decimals its training values were written with ({@code digits}, null when
 * not learnt): sizes recorded in whole millimetres are sampled in whole millimetres, as SDV's
 * {@code enforce_rounding} does.
 */
record CopulaVariable(int attribute, Role role, Marginal marginal, Integer digits) {
    enum Role { CODE, VALUE, MISSING_FLAG }

    CopulaVariable(int attribute, Role role, Marginal marginal) {
        this(attribute, role, marginal, null);
    }

    /**
     * The fewest decimals (at most {@code max}) that write every value exactly, or null when more are needed
     * (then only the attribute's own precision applies).
     */
    static Integer digitsOf(double[] values, int max) {
        for (int d = 0; d <= max; d++) {
            double scale = Math.pow(10, d);
            boolean exact = true;
            for (double x : values) {
                if (Math.abs(Math.rint(x * scale) - x * scale) > 1e-9 * Math.max(1, Math.abs(x * scale))) {
                    exact = false;
                    break;
                }
            }
            if (exact) {
                return d;
            }
        }
        return null;
    }

    /** The value rounded to the learnt decimals (unchanged when none were learnt). */
    double round(double x) {
        if (digits == null || !Double.isFinite(x)) {
            return x;
        }
        double scale = Math.pow(10, digits);
        return Math.rint(x * scale) / scale;
    }
}
