package org.pathosynth.synth.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.SplittableRandom;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.internal.dp.AttributeBins;

/**
 * Brings the one-way marginals of a PATE model's sampled rows to the noisy one-way marginals its fit already paid for,
 * moving as few values as it can. The generator's rows keep their dependence; what a small private GAN gets most wrong,
 * each column's own distribution, is set from the measurements. It reads nothing but those noisy counts, so it is
 * post-processing: the guarantee is unchanged.
 *
 * <p>Per attribute, over the public cells of {@link OneWayMarginals}: the target is the noisy counts scaled to
 * the rows drawn, rounded by largest remainder. A category column moves randomly chosen rows of its over-full cells
 * to its under-full ones. A numeric column first moves rows between missing and observed the same way, then gives the
 * observed rows their cells by rank (the k-th smallest value goes to the cell where the target's running count passes
 * k), so the order of the values, and with it their dependence on the other columns, is kept; a value already in its
 * cell is kept, another is drawn inside the cell.
 */
final class MarginalCalibration {
    private final int[] attributes; // schema index of each calibrated attribute
    private final AttributeBins[] bins;
    private final double[][] counts; // noisy counts per cell, the last cell missing

    MarginalCalibration(int[] attributes, AttributeBins[] bins, double[][] counts) {
        if (attributes.length != bins.length || attributes.length != counts.length) {
            throw new IllegalArgumentException("one set of bins and counts per calibrated attribute");
        }
        for (int i = 0; i < attributes.length; i++) {
            if (counts[i].length != bins[i].size()) {
                throw new IllegalArgumentException("attribute " + attributes[i] + " has " + bins[i].size() + " cells, "
                        + counts[i].length + " counts");
            }
        }
        this.attributes = attributes.clone();
        this.bins = bins.clone();
        this.counts = Arrays.stream(counts).map(double[]::clone).toArray(double[][]::new);
    }

    /**
     * The calibration of every attribute of the schema: to its noisy marginal when it was measured, and to "missing in
     * every row" when the file had no column for it (as the encoders take it).
     */
    static MarginalCalibration of(Schema schema, OneWayMarginals marginals) {
        int[] attributes = IntStream.range(0, schema.size()).toArray();
        AttributeBins[] bins = new AttributeBins[attributes.length];
        double[][] counts = new double[attributes.length][];
        for (int i = 0; i < attributes.length; i++) {
            bins[i] = binsOf(schema, attributes[i]);
            counts[i] = marginals.counts(attributes[i]);
        }
        return new MarginalCalibration(attributes, bins, counts);
    }

    /** The public cells of an attribute, as {@link OneWayMarginals} measures it. */
    static AttributeBins binsOf(Schema schema, int attribute) {
        return AttributeBins.of(schema.attribute(attribute), OneWayMarginals.NUMERIC_BINS, "PATE");
    }

    int[] attributes() {
        return attributes.clone();
    }

    double[] counts(int i) {
        return counts[i].clone();
    }

    /** Calibrates the rows in place (encoded values: codes, numbers, NaN for missing). */
    void apply(List<double[]> rows, SplittableRandom rng) {
        if (rows.isEmpty()) {
            return;
        }
        for (int i = 0; i < attributes.length; i++) {
            int[] target = largestRemainder(counts[i], rows.size());
            if (bins[i].isCoded()) {
                moveBetweenCells(rows, attributes[i], bins[i], target, rng);
            } else {
                calibrateNumeric(rows, attributes[i], bins[i], target, rng);
            }
        }
    }

    /** Moves randomly chosen rows of over-full cells to under-full ones, each given a value of its new cell. */
    private static void moveBetweenCells(List<double[]> rows, int a, AttributeBins bins, int[] target, SplittableRandom rng) {
        int cells = target.length;
        List<List<Integer>> byCell = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            byCell.add(new ArrayList<>());
        }
        for (int r = 0; r < rows.size(); r++) {
            byCell.get(bins.encode(rows.get(r)[a])).add(r);
        }
        List<Integer> moving = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            List<Integer> members = byCell.get(c);
            shuffle(members, rng);
            for (int k = members.size() - 1; k >= target[c]; k--) {
                moving.add(members.get(k));
            }
        }
        shuffle(moving, rng);
        int next = 0;
        for (int c = 0; c < cells; c++) {
            for (int k = byCell.get(c).size(); k < target[c]; k++) {
                rows.get(moving.get(next++))[a] = bins.decode(c, rng);
            }
        }
    }

    /** Missing against observed first, then the observed values' cells by rank. */
    private static void calibrateNumeric(List<double[]> rows, int a, AttributeBins bins, int[] target, SplittableRandom rng) {
        int missing = bins.missingCell();
        int[] split = {rows.size() - target[missing], target[missing]}; // observed, missing
        List<List<Integer>> byState = List.of(new ArrayList<>(), new ArrayList<>());
        for (int r = 0; r < rows.size(); r++) {
            byState.get(Double.isNaN(rows.get(r)[a]) ? 1 : 0).add(r);
        }
        shuffle(byState.get(0), rng);
        shuffle(byState.get(1), rng);
        if (byState.get(1).size() > split[1]) {
            for (int k = byState.get(1).size() - 1; k >= split[1]; k--) {
                // a row that becomes observed gets a value from the target's observed cells; the ranking below places it
                rows.get(byState.get(1).get(k))[a] = bins.decode(drawObservedCell(target, missing, rng), rng);
            }
        } else {
            for (int k = byState.get(0).size() - 1; k >= split[0]; k--) {
                rows.get(byState.get(0).get(k))[a] = Double.NaN;
            }
        }
        List<Integer> observed = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (!Double.isNaN(rows.get(r)[a])) {
                observed.add(r);
            }
        }
        shuffle(observed, rng); // ties (an integer column's many equal values) go to their cells in random order
        observed.sort((x, y) -> Double.compare(rows.get(x)[a], rows.get(y)[a]));
        int cell = 0;
        int filled = 0;
        for (int r : observed) {
            while (cell < missing - 1 && filled >= target[cell]) {
                cell++;
                filled = 0;
            }
            double[] row = rows.get(r);
            if (bins.encode(row[a]) != cell) {
                row[a] = bins.decode(cell, rng);
            }
            filled++;
        }
    }

    private static int drawObservedCell(int[] target, int missing, SplittableRandom rng) {
        long total = 0;
        for (int c = 0; c < missing; c++) {
            total += target[c];
        }
        if (total == 0) {
            return rng.nextInt(missing);
        }
        long u = rng.nextLong(total);
        for (int c = 0; c < missing; c++) {
            u -= target[c];
            if (u < 0) {
                return c;
            }
        }
        return missing - 1;
    }

    /**
     * Counts proportional to {@code weights} summing to n: each weight's share of n rounded down, then one more to the
     * largest remainders (the earlier cell first on a tie). Uniform when every weight is zero.
     */
    static int[] largestRemainder(double[] weights, int n) {
        double total = 0;
        for (double w : weights) {
            total += Math.max(0, w);
        }
        int[] out = new int[weights.length];
        double[] remainder = new double[weights.length];
        int given = 0;
        for (int c = 0; c < weights.length; c++) {
            double exact = total > 0 ? n * Math.max(0, weights[c]) / total : (double) n / weights.length;
            out[c] = (int) Math.floor(exact);
            remainder[c] = exact - out[c];
            given += out[c];
        }
        Integer[] order = new Integer[weights.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (x, y) -> remainder[y] != remainder[x] ? Double.compare(remainder[y], remainder[x]) : Integer.compare(x, y));
        for (int k = 0; given < n; k = (k + 1) % order.length) {
            out[order[k]]++;
            given++;
        }
        return out;
    }

    private static void shuffle(List<Integer> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
