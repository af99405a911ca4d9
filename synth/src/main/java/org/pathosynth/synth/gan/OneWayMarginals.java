package org.pathosynth.synth.gan;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.pathosynth.core.data.Table;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.internal.dp.AttributeBins;
import org.pathosynth.synth.internal.dp.BinInterior;
import org.pathosynth.synth.internal.dp.Simplex;

/**
 * The one-way marginal of every measured attribute of a table (those it has columns for), with Gaussian noise over its
 * public domain (the schema's categories, or cells between the schema's bounds, and a "missing" cell); the others are
 * missing throughout, which the public header says. It is what a PATE synthesizer knows of the
 * real rows outside the teachers: the column encoders, the conditional sampler and the rows its student is shown as
 * "real" are all built from it, so none of them sees a real row without noise.
 *
 * <p>Each of the d histograms has sensitivity 1 (a row added or removed changes one cell by one), and gets ρ/d of the
 * zCDP budget ρ: noise of standard deviation √(d / 2ρ) per cell. The noisy counts are projected onto the simplex of
 * their noisy total (see {@link Simplex}).
 */
final class OneWayMarginals {
    /** Cells between the bounds of a real-valued attribute (integers get exact small values, then widening ranges). */
    static final int NUMERIC_BINS = 20;

    private final AttributeBins[] bins;
    private final BinInterior[] interiors; // null where a numeric column has no histogram of its exact values
    private final double[][] counts;
    private final double[][] cumulative;
    private final double rho;
    private final double sigma;
    private final int measuredColumns;
    private final String source; // what was measured, as the guarantee says it; null: these one-way marginals
    private final boolean[] measured; // per attribute: measured (else missing throughout, as the header says)

    private OneWayMarginals(AttributeBins[] bins, BinInterior[] interiors, double[][] counts, double rho, double sigma,
                            boolean[] measured, String source) {
        this.source = source;
        this.measured = measured;
        int m = 0;
        for (boolean b : measured) {
            m += b ? 1 : 0;
        }
        this.measuredColumns = m;
        this.bins = bins;
        this.interiors = interiors;
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
     * Measures the one-way marginals of the {@code measured} attributes with ρ of zCDP; the others are taken as missing
     * in every row, at no cost.
     *
     * @param who   the synthesizer, as a refusal (an attribute without public bounds) names it
     * @param noise the Gaussian noise source: {@link java.security.SecureRandom} unless a test seeded it
     */
    static OneWayMarginals measure(Table real, double rho, java.util.Set<String> measured, String who, RandomGenerator noise) {
        return measure(real, rho, measured, who, noise, 0);
    }

    /**
     * As {@link #measure(Table, double, java.util.Set, String, RandomGenerator)}, and where a numeric column's noisy
     * marginal shows bins dense enough ({@link BinInterior#worthMeasuring}), a noisy histogram of its exact values at
     * the same noise, each costing what one marginal does, as long as they cost at most {@code histogramRho} together:
     * sampled values are then decoded by it inside their cells rather than uniformly. {@link #rho()} says what was spent.
     */
    static OneWayMarginals measure(Table real, double rho, java.util.Set<String> measured, String who, RandomGenerator noise,
                                   double histogramRho) {
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be a positive number, got " + rho);
        }
        Schema schema = real.schema();
        int d = schema.size();
        int m = (int) schema.names().stream().filter(measured::contains).count();
        if (m == 0) {
            throw new IllegalArgumentException(who + " has no attribute to measure");
        }
        double sigma = Math.sqrt(m / (2 * rho));
        AttributeBins[] bins = new AttributeBins[d];
        BinInterior[] interiors = new BinInterior[d];
        double spent = rho;
        double histogramCost = 1 / (2 * sigma * sigma);
        double[][] counts = new double[d][];
        boolean[] isMeasured = new boolean[d];
        for (int a = 0; a < d; a++) {
            bins[a] = AttributeBins.of(schema.attribute(a), NUMERIC_BINS, who);
            double[] h = new double[bins[a].size()];
            if (!measured.contains(schema.attribute(a).name())) {
                h[bins[a].missingCell()] = 1; // the file has no column for it
                counts[a] = h;
                continue;
            }
            isMeasured[a] = true;
            for (int r = 0; r < real.rowCount(); r++) {
                h[bins[a].encode(real.column(a).encoded(r))]++;
            }
            double total = 0;
            for (int i = 0; i < h.length; i++) {
                h[i] += sigma * noise.nextGaussian();
                total += h[i];
            }
            if (BinInterior.worthMeasuring(schema.attribute(a), bins[a], h, sigma)
                    && spent - rho + histogramCost <= histogramRho) {
                interiors[a] = BinInterior.measure(schema.attribute(a), bins[a], real.column(a), sigma, noise);
                spent += histogramCost;
            }
            // Projected, not clipped: clipping alone would keep the positive noise of every empty cell (about 0.4σ
            // each), which on a few hundred rows spreads a numeric column over its whole public range.
            counts[a] = Simplex.project(h, Math.max(total, 1));
        }
        return new OneWayMarginals(bins, interiors, counts, spent, sigma, isMeasured, null);
    }

    /**
     * The one-way marginals of rows sampled from a differentially private model, counted over the public cells and
     * scaled to {@code total} rows: post-processing of what the model measured, which cost {@code rho}. Numbers get
     * the histogram of the sampled exact values where {@link BinInterior#applies}.
     *
     * @param source what the model measured, as the guarantee states it
     */
    static OneWayMarginals ofSample(Table sample, double total, double rho, java.util.Set<String> measured, String who,
                                    String source) {
        Schema schema = sample.schema();
        int d = schema.size();
        AttributeBins[] bins = new AttributeBins[d];
        BinInterior[] interiors = new BinInterior[d];
        double[][] counts = new double[d][];
        SplittableRandom none = new SplittableRandom(0); // no noise is added: sigma 0
        boolean[] isMeasured = new boolean[d];
        for (int a = 0; a < d; a++) {
            bins[a] = AttributeBins.of(schema.attribute(a), NUMERIC_BINS, who);
            double[] h = new double[bins[a].size()];
            if (!measured.contains(schema.attribute(a).name())) {
                h[bins[a].missingCell()] = 1;
                counts[a] = h;
                continue;
            }
            isMeasured[a] = true;
            for (int r = 0; r < sample.rowCount(); r++) {
                h[bins[a].encode(sample.column(a).encoded(r))]++;
            }
            double scale = total / Math.max(1, sample.rowCount());
            for (int i = 0; i < h.length; i++) {
                h[i] *= scale;
            }
            if (BinInterior.applies(schema.attribute(a), bins[a])) {
                interiors[a] = BinInterior.measure(schema.attribute(a), bins[a], sample.column(a), 0, none);
            }
            counts[a] = h;
        }
        return new OneWayMarginals(bins, interiors, counts, rho, 0, isMeasured, source);
    }

    /** The noisy count of every cell of attribute a (its last cell is "missing"). */
    double[] counts(int attribute) {
        return counts[attribute].clone();
    }

    /** A value of attribute a drawn from its noisy marginal: a code, a number inside its cell, or NaN for missing. */
    double draw(int attribute, SplittableRandom rng) {
        return BinInterior.decode(interiors[attribute], bins[attribute], cell(attribute, counts[attribute].length, rng), rng);
    }

    /** A value of attribute a drawn from its noisy marginal among the observed (not missing) values. */
    double drawObserved(int attribute, SplittableRandom rng) {
        return BinInterior.decode(interiors[attribute], bins[attribute],
                cell(attribute, Math.max(1, bins[attribute].missingCell()), rng), rng);
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

    /**
     * The noisy number of rows: the model's estimate for a model's sample, else the mean noisy total of the measured
     * marginals (post-processing either way).
     */
    double total() {
        double sum = 0;
        for (int a = 0; a < counts.length; a++) {
            if (measured[a]) {
                sum += cumulative[a][cumulative[a].length - 1];
            }
        }
        return measuredColumns == 0 ? 0 : sum / measuredColumns;
    }

    /** The zCDP ρ these measurements spent: the marginals' and any histograms'. */
    double rho() {
        return rho;
    }

    /** The histogram of attribute a's exact values, or null when it has none. */
    BinInterior interior(int attribute) {
        return interiors[attribute];
    }

    /** The share of missing values in the noisy marginal of attribute a (0 when the noise left no count). */
    double missingRate(int attribute) {
        double[] c = counts[attribute];
        double total = cumulative[attribute][c.length - 1];
        return total <= 0 ? 0 : c[c.length - 1] / total;
    }

    /** What the guarantee says of these measurements. */
    String describe() {
        if (source != null) {
            return source;
        }
        long histograms = java.util.Arrays.stream(interiors).filter(java.util.Objects::nonNull).count();
        return String.format(Locale.ROOT, "one-way marginals of the %d columns measured, over their public domains (schema categories, "
                + "cells between the schema's bounds, missing)%s, Gaussian noise sd %.3g per cell (rho %.4g)", measuredColumns,
                histograms == 0 ? "" : " and " + histograms + " histogram(s) of exact values", sigma, rho);
    }
}
