package org.pathosynth.synth.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.SplittableRandom;
import org.pathosynth.core.schema.Schema;
import org.pathosynth.synth.internal.dp.AttributeBins;
import org.pathosynth.synth.internal.dp.BinInterior;

/**
 * Brings the one-way marginals of a PATE model's sampled rows to the noisy one-way marginals its fit already paid for.
 * The generator's rows keep their dependence; what a small private GAN gets most wrong, each column's own
 * distribution, is set from the measurements. It reads nothing but those noisy counts and the schema, so it is
 * post-processing: the guarantee is unchanged.
 *
 * <p>Per attribute, over the public cells of {@link OneWayMarginals}: the target is the noisy counts scaled to the rows
 * drawn, rounded at random so that each cell's expected count is exact ({@link #proportional}). A category column moves
 * randomly chosen rows of its over-full cells to its under-full ones, the fewest moves there are. A numeric column first
 * moves rows between missing and observed the same way, then gives the observed rows their cells by rank (the k-th
 * smallest value goes to the cell where the target's running count passes k), so the order of the values, and with it
 * their dependence on the other columns, is kept; a value already in its cell is kept, another is drawn inside it.
 *
 * <p>The schema's coherence rules blank values after sampling (no tumour size after a biopsy). So the attributes no
 * rule blanks in the drawn rows are calibrated first, and an attribute a rule blanks is calibrated among the rows where
 * it may be present, the rows it must be absent from counting towards its missing cell. A cell no value of the
 * attribute's precision falls in (a log-scale bin narrower than a millimetre) gives its count to the cell its values
 * land in. The schema's less-or-equal constraints are kept by the sampler afterwards (the lesser side gives way), so
 * the lesser side of one may end a few rows off its target.
 */
final class MarginalCalibration {
    private final Schema schema;
    private final int[] attributes; // schema index of each calibrated attribute
    private final AttributeBins[] bins;
    private final BinInterior[] interiors; // a numeric attribute's histogram of exact values, or null
    private final double[][] counts; // noisy counts per cell, the last cell missing
    private final double[][] reachable; // the counts with those of cells no value lands in moved to where values land
    private final boolean[] ruled; // whether a coherence rule names the attribute: only those can be blanked

    MarginalCalibration(Schema schema, int[] attributes, double[][] counts) {
        this(schema, attributes, counts, new BinInterior[attributes.length]);
    }

    /** @param interiors per calibrated attribute, the histogram its numbers are decoded by inside their cells, or null */
    MarginalCalibration(Schema schema, int[] attributes, double[][] counts, BinInterior[] interiors) {
        if (attributes.length != counts.length || attributes.length != interiors.length) {
            throw new IllegalArgumentException("one set of counts per calibrated attribute");
        }
        this.schema = schema;
        this.attributes = attributes.clone();
        this.bins = new AttributeBins[attributes.length];
        this.interiors = interiors.clone();
        this.counts = new double[attributes.length][];
        this.reachable = new double[attributes.length][];
        this.ruled = new boolean[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            bins[i] = binsOf(schema, attributes[i]);
            String name = schema.attribute(attributes[i]).name();
            if (counts[i].length != bins[i].size()) {
                throw new IllegalArgumentException("attribute '" + name + "' has " + bins[i].size() + " cells, "
                        + counts[i].length + " counts");
            }
            for (double c : counts[i]) {
                if (!(c >= 0) || Double.isInfinite(c)) {
                    throw new IllegalArgumentException("attribute '" + name + "' has a count that is not a finite number >= 0: " + c);
                }
            }
            this.counts[i] = counts[i].clone();
            reachable[i] = reachable(bins[i], counts[i]);
            ruled[i] = schema.rules().stream().anyMatch(rule -> rule.attributes().contains(name));
        }
    }

    /** Each numeric cell's count moved to the cell its decoded values land in, when no draw lands in the cell itself. */
    private static double[] reachable(AttributeBins bins, double[] counts) {
        double[] out = counts.clone();
        if (bins.isCoded()) {
            return out;
        }
        SplittableRandom probe = new SplittableRandom(0); // public: the bins depend on the schema only
        for (int c = 0; c < bins.missingCell(); c++) {
            int landing = -1;
            for (int k = 0; k < 64 && landing != c; k++) {
                landing = bins.encode(bins.decode(c, probe));
            }
            if (landing != c) {
                out[landing] += out[c];
                out[c] = 0;
            }
        }
        return out;
    }

    /**
     * The calibration of every attribute of the schema: to its noisy marginal when it was measured, and to "missing in
     * every row" when the file had no column for it (as the encoders take it).
     */
    static MarginalCalibration of(Schema schema, OneWayMarginals marginals) {
        int[] attributes = IntStream.range(0, schema.size()).toArray();
        double[][] counts = new double[attributes.length][];
        BinInterior[] interiors = new BinInterior[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            counts[i] = marginals.counts(attributes[i]);
            interiors[i] = marginals.interior(attributes[i]);
        }
        return new MarginalCalibration(schema, attributes, counts, interiors);
    }

    /** The public cells of an attribute, as {@link OneWayMarginals} measures it. */
    static AttributeBins binsOf(Schema schema, int attribute) {
        return AttributeBins.of(schema.attribute(attribute), OneWayMarginals.NUMERIC_BINS, "PATE");
    }

    int[] attributes() {
        return attributes.clone();
    }

    /** The histogram the i-th calibrated attribute's numbers are decoded by, or null. */
    BinInterior interior(int i) {
        return interiors[i];
    }

    double[] counts(int i) {
        return counts[i].clone();
    }

    /** The counts sampled rows are brought to: {@link #counts}, less cells no value of the attribute lands in. */
    double[] reachableCounts(int i) {
        return reachable[i].clone();
    }

    /** Calibrates the rows in place (encoded values: codes, numbers, NaN for missing). */
    void apply(List<double[]> rows, SplittableRandom rng) {
        if (rows.isEmpty()) {
            return;
        }
        List<Integer> order = new ArrayList<>();
        List<Integer> blankable = new ArrayList<>();
        for (int i = 0; i < attributes.length; i++) {
            (free(rows, i).size() == rows.size() ? order : blankable).add(i);
        }
        order.addAll(blankable); // after the attributes the rules read
        for (int i : order) {
            int a = attributes[i];
            List<Integer> free = free(rows, i);
            int absent = rows.size() - free.size(); // rows the rules keep it out of
            int[] whole = proportional(reachable[i], rows.size(), rng);
            int missing = bins[i].missingCell();
            int[] target = new int[whole.length];
            target[missing] = Math.max(0, whole[missing] - absent);
            int[] observed = proportional(Arrays.copyOf(reachable[i], missing), free.size() - target[missing], rng);
            System.arraycopy(observed, 0, target, 0, missing);
            List<double[]> present = free.stream().map(rows::get).toList();
            if (bins[i].isCoded()) {
                moveBetweenCells(present, a, bins[i], target, rng);
            } else {
                calibrateNumeric(present, a, bins[i], interiors[i], target, rng);
            }
        }
    }

    /** The rows where the schema's rules let the i-th calibrated attribute be present, given their other values. */
    private List<Integer> free(List<double[]> rows, int i) {
        int a = attributes[i];
        List<Integer> out = new ArrayList<>();
        if (!ruled[i]) { // no rule can blank it: every row
            for (int r = 0; r < rows.size(); r++) {
                out.add(r);
            }
            return out;
        }
        double probe = bins[i].isCoded() ? 0 : schema.attribute(a).min();
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r).clone();
            row[a] = probe;
            for (org.pathosynth.core.schema.CoherenceRule rule : schema.rules()) {
                rule.enforce(row, schema);
            }
            if (!Double.isNaN(row[a])) {
                out.add(r);
            }
        }
        return out;
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

    /**
     * Missing against observed first, then the observed values' cells by rank. With a histogram of exact values, every
     * observed value is drawn again inside its cell from it (the generator's values inside a cell are smooth where the
     * data heaps at round sizes); without one, a value already in its cell is kept.
     */
    private static void calibrateNumeric(List<double[]> rows, int a, AttributeBins bins, BinInterior interior, int[] target,
                                         SplittableRandom rng) {
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
                rows.get(byState.get(1).get(k))[a] = BinInterior.decode(interior, bins, drawObservedCell(target, missing, rng), rng);
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
            if (interior != null) {
                row[a] = interior.decode(cell, rng);
            } else if (bins.encode(row[a]) != cell) {
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
     * Counts proportional to {@code weights} summing to n (uniform when every weight is zero; none when n ≤ 0): each
     * cell's share of n rounded down, and the k units left to k distinct cells drawn by systematic sampling with
     * probabilities equal to their fractional parts, so that every cell's expected count is exactly its share and no
     * count is off it by one or more.
     */
    static int[] proportional(double[] weights, int n, SplittableRandom rng) {
        int[] out = new int[weights.length];
        if (n <= 0 || weights.length == 0) {
            return out;
        }
        double total = 0;
        for (double w : weights) {
            total += Math.max(0, w);
        }
        double[] remainder = new double[weights.length];
        int given = 0;
        for (int c = 0; c < weights.length; c++) {
            double exact = total > 0 ? n * Math.max(0, weights[c]) / total : (double) n / weights.length;
            out[c] = (int) Math.floor(exact);
            remainder[c] = exact - out[c];
            given += out[c];
        }
        double point = rng.nextDouble(); // the k units fall at point, point + 1, …, point + k − 1 along the remainders
        double cumulative = 0;
        for (int c = 0; c < weights.length && given < n; c++) {
            double next = cumulative + remainder[c];
            while (given < n && point < next) {
                out[c]++;
                given++;
                point += 1;
            }
            cumulative = next;
        }
        while (given < n) { // floating-point sums left a unit out: the largest remainder takes it
            int largest = 0;
            for (int c = 1; c < remainder.length; c++) {
                largest = remainder[c] > remainder[largest] ? c : largest;
            }
            out[largest]++;
            given++;
            remainder[largest] = -1;
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
