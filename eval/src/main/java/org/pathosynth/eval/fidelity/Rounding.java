package org.pathosynth.eval.fidelity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The two roundings of the reference metrics. */
public final class Rounding {
    private Rounding() {
    }

    /** NumPy's {@code round(x, decimals)}: rint(x * 10^d) / 10^d (half to even on the scaled value). */
    public static double numpy(double x, int decimals) {
        double scale = POW10[decimals];
        return Math.rint(x * scale) / scale;
    }

    /** Python's {@code round(x, decimals)}: exact decimal value of the double, half to even. */
    public static double python(double x, int decimals) {
        if (!Double.isFinite(x)) {
            return x;
        }
        return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Exact powers of ten as doubles (10^0 .. 10^22 are exactly representable). */
    static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }
}
