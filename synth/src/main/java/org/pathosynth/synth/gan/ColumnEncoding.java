package org.pathosynth.synth.gan;

import java.util.SplittableRandom;
import org.pathosynth.core.schema.Attribute;

/**
 * How one table column becomes generator columns and back: {@link Discrete} (one-hot over the
 * observed categories, missing as its own last category) or {@link Continuous} (mode-specific
 * normalisation: a scalar in [−1, 1] and a one-hot over the mixture's valid components).
 */
sealed interface ColumnEncoding permits ColumnEncoding.Discrete, ColumnEncoding.Continuous {

    /** Width of the encoded span. */
    int width();

    /** Writes the encoding of value (a code, a number, or NaN for missing) at out[offset...]. */
    void encode(double value, double[] out, int offset, SplittableRandom rng);

    /** The value for an encoded span (argmax for one-hots). */
    double decode(double[] in, int offset, SplittableRandom rng);

    /**
     * @param codes the schema code of each one-hot position; -1 (the last) stands for missing
     * @param frequencies training count of each position
     */
    record Discrete(int[] codes, int[] frequencies) implements ColumnEncoding {
        @Override
        public int width() {
            return codes.length;
        }

        int position(double value) {
            int code = Double.isNaN(value) ? -1 : (int) value;
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] == code) {
                    return i;
                }
            }
            throw new IllegalArgumentException("category code " + code + " was not seen in training");
        }

        @Override
        public void encode(double value, double[] out, int offset, SplittableRandom rng) {
            out[offset + position(value)] = 1;
        }

        @Override
        public double decode(double[] in, int offset, SplittableRandom rng) {
            int best = argmax(in, offset, codes.length);
            return codes[best] < 0 ? Double.NaN : codes[best];
        }
    }

    /**
     * A numeric column (SDV FloatFormatter then CTGAN's ClusterBasedNormalizer): missing values are
     * imputed with the mean for the mixture and put back at the observed rate when sampling; decoded
     * values are clipped to the training range and rounded to the attribute's precision.
     *
     * @param valid indices of the mixture components kept (weight > 0.005)
     */
    record Continuous(BayesianGaussianMixture mixture, int[] valid, double mean, double missingRate, double min, double max,
                      Attribute attribute) implements ColumnEncoding {
        @Override
        public int width() {
            return 1 + valid.length;
        }

        @Override
        public void encode(double value, double[] out, int offset, SplittableRandom rng) {
            double x = Double.isNaN(value) ? mean : value;
            double[] all = mixture.responsibilities(x);
            double[] p = new double[valid.length];
            double s = 0;
            for (int i = 0; i < valid.length; i++) {
                p[i] = all[valid[i]] + 1e-6;
                s += p[i];
            }
            double u = rng.nextDouble() * s;
            int k = valid.length - 1;
            for (int i = 0; i < valid.length; i++) {
                u -= p[i];
                if (u < 0) {
                    k = i;
                    break;
                }
            }
            int c = valid[k];
            out[offset] = Math.max(-0.99, Math.min(0.99, (x - mixture.means()[c]) / (4 * mixture.stds()[c])));
            out[offset + 1 + k] = 1;
        }

        @Override
        public double decode(double[] in, int offset, SplittableRandom rng) {
            int k = argmax(in, offset + 1, valid.length);
            int c = valid[k];
            double s = Math.max(-1, Math.min(1, in[offset]));
            double x = attribute.round(Math.max(min, Math.min(max, s * 4 * mixture.stds()[c] + mixture.means()[c])));
            return rng.nextDouble() < missingRate ? Double.NaN : x;
        }
    }

    private static int argmax(double[] in, int offset, int width) {
        int best = 0;
        for (int i = 1; i < width; i++) {
            if (in[offset + i] > in[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
