package org.pathosynth.synth.gan;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.internal.dp.AttributeBins;

/**
 * The one-way marginal of every attribute of a table, measured with Gaussian noise over its public domain (the schema's
 * categories, or cells between the schema's bounds, and a "missing" cell). It is what a PATE synthesizer knows of the
 * real rows outside the teachers: the column encoders, the conditional sampler and the rows its student is shown as
 * "real" are all built from it, so none of them sees a real row without noise.
 *
 * <p>Each of the d histograms has sensitivity 1 (a row added or removed changes one cell by one), and gets ρ/d of the
 * zCDP budget ρ: noise of standard deviation √(d / 2ρ) per cell. Negative noisy counts are read as 0.
 */
final class OneWayMarginals {
    /** Cells between the bounds of a real-valued attribute (integers get exact small values, then widening ranges). */
    static final int NUMERIC_BINS = 20;

    private final AttributeBins[] bins;
    private final double[][] counts;
    private final double[][] cumulative;
    private final double rho;
    private final double sigma;

    private OneWayMarginals(AttributeBins[] bins, double[][] counts, double rho, double sigma) {
        this.bins = bins;
        this.counts = counts;
        this.rho = rho;
        this.sigma = sigma;
        cumulative = new double[counts.length][];
        for (int a = 0; a < counts.length; a++) {
            double[] c = new double[counts[a].length];
            double s = 0;
            for (int i = 0; i < c.length; i++) {
                s += counts[a][i];
                c[i] = s;
            }
            cumulative[a] = c;
        }
    }

    /**
     * Measures the table's one-way marginals with ρ of zCDP.
     *
     * @param who   the synthesizer, as a refusal (an attribute without public bounds) names it
     * @param noise the Gaussian noise source: {@link java.security.SecureRandom} unless a test seeded it
     */
    static OneWayMarginals measure(Table real, double rho, String who, RandomGenerator noise) {
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be a positive number, got " + rho);
        }
        Schema schema = real.schema();
        int d = schema.size();
        double sigma = Math.sqrt(d / (2 * rho));
        AttributeBins[] bins = new AttributeBins[d];
        double[][] counts = new double[d][];
        for (int a = 0; a < d; a++) {
            bins[a] = AttributeBins.of(schema.attribute(a), NUMERIC_BINS, who);
            double[] h = new double[bins[a].size()];
            for (int r = 0; r < real.rowCount(); r++) {
                h[bins[a].encode(real.column(a).encoded(r))]++;
            }
            for (int i = 0; i < h.length; i++) {
                h[i] = Math.max(0, h[i] + sigma * noise.nextGaussian());
            }
            counts[a] = h;
        }
        return new OneWayMarginals(bins, counts, rho, sigma);
    }

    /** The noisy count of every cell of attribute a (its last cell is "missing"). */
    double[] counts(int attribute) {
        return counts[attribute].clone();
    }

    /** A value of attribute a drawn from its noisy marginal: a code, a number inside its cell, or NaN for missing. */
    double draw(int attribute, SplittableRandom rng) {
        return bins[attribute].decode(cell(attribute, counts[attribute].length, rng), rng);
    }

    /** A value of attribute a drawn from its noisy marginal among the observed (not missing) values. */
    double drawObserved(int attribute, SplittableRandom rng) {
        return bins[attribute].decode(cell(attribute, Math.max(1, bins[attribute].missingCell()), rng), rng);
    }

    /** A cell among the first {@code cells} of attribute a, by noisy count; uniform when the noise left them none. */
    private int cell(int attribute, int cells, SplittableRandom rng) {
        double[] c = cumulative[attribute];
        double total = c[cells - 1];
        if (total <= 0) {
            return rng.nextInt(cells);
        }
        double u = rng.nextDouble() * total;
        int cell = 0;
        while (cell < cells - 1 && c[cell] <= u) {
            cell++;
        }
        return cell;
    }

    /** The share of missing values in the noisy marginal of attribute a (0 when the noise left no count). */
    double missingRate(int attribute) {
        double[] c = counts[attribute];
        double total = cumulative[attribute][c.length - 1];
        return total <= 0 ? 0 : c[c.length - 1] / total;
    }

    /** What the guarantee says of these measurements. */
    String describe() {
        return String.format(Locale.ROOT, "one-way marginals of all %d columns over their public domains (schema categories, "
                + "cells between the schema's bounds, missing), Gaussian noise sd %.3g per cell (rho %.4g)", counts.length, sigma, rho);
    }
}
