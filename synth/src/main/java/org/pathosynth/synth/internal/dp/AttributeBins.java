package org.pathosynth.synth.internal.dp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.core.schema.Attribute;
import org.pathosynth.core.schema.AttributeKind;

/**
 * A public discretisation of one attribute, from the schema alone (never from the private data):
 * codes for categories, exact values then widening ranges for integers, log- or linear-spaced
 * ranges for real numbers within the schema bounds. The last cell is always "missing". A bin is
 * decoded to a value drawn uniformly inside it.
 */
public final class AttributeBins {
    private final Attribute attribute;
    private final double[] lower; // numeric bins: inclusive lower edge per cell (excluding missing)
    private final double[] upper; // exclusive upper edge (inclusive for the last bin)

    private AttributeBins(Attribute attribute, double[] lower, double[] upper) {
        this.attribute = attribute;
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * @param who the synthesizer that needs the bounds, as the refusal names it
     */
    public static AttributeBins of(Attribute a, int numericBins, String who) {
        if (a.kind().isCoded()) {
            return new AttributeBins(a, null, null);
        }
        if (a.min() == null || a.max() == null) {
            throw new IllegalArgumentException(who + " needs public bounds for numeric attribute '" + a.name()
                    + "': set min and max in the schema (bounds from the private data would leak it)");
        }
        double lo = a.min();
        double hi = a.max();
        List<double[]> cells = new ArrayList<>();
        if (a.kind() == AttributeKind.INTEGER) {
            long v = (long) Math.ceil(lo);
            for (int i = 0; i < 10 && v <= hi; i++, v++) {
                cells.add(new double[] {v, v + 1});
            }
            long width = 5;
            while (v <= hi) {
                long end = Math.min((long) hi + 1, v + width);
                cells.add(new double[] {v, end});
                v = end;
                width *= 2;
            }
        } else {
            boolean logScale = lo > 0 && hi / lo > 100;
            for (int i = 0; i < numericBins; i++) {
                double a0 = logScale ? lo * Math.pow(hi / lo, (double) i / numericBins) : lo + (hi - lo) * i / numericBins;
                double a1 = logScale ? lo * Math.pow(hi / lo, (double) (i + 1) / numericBins) : lo + (hi - lo) * (i + 1) / numericBins;
                cells.add(new double[] {a0, i == numericBins - 1 ? hi : a1});
            }
        }
        double[] lower = new double[cells.size()];
        double[] upper = new double[cells.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = cells.get(i)[0];
            upper[i] = cells.get(i)[1];
        }
        return new AttributeBins(a, lower, upper);
    }

    /** Whether the cells are the attribute's codes (a category attribute) rather than numeric ranges. */
    public boolean isCoded() {
        return lower == null;
    }

    /** Number of cells, the missing cell included. */
    public int size() {
        return (lower == null ? attribute.values().size() : lower.length) + 1;
    }

    public int missingCell() {
        return size() - 1;
    }

    /** The cell of a coded value (code) or number; NaN is the missing cell. */
    public int encode(double value) {
        if (Double.isNaN(value)) {
            return missingCell();
        }
        if (lower == null) {
            return (int) value;
        }
        for (int i = 0; i < lower.length; i++) {
            if (value < upper[i] || i == lower.length - 1) {
                return i;
            }
        }
        return lower.length - 1;
    }

    /** A value for a cell: the code, NaN for missing, or a uniform draw inside a numeric bin. */
    public double decode(int cell, SplittableRandom rng) {
        if (cell == missingCell()) {
            return Double.NaN;
        }
        if (lower == null) {
            return cell;
        }
        if (attribute.kind() == AttributeKind.INTEGER) {
            long a = (long) lower[cell];
            long b = (long) upper[cell]; // exclusive
            return a + rng.nextLong(Math.max(1, b - a));
        }
        // Rounding to the attribute's precision must not carry a value into the next bin.
        for (int attempt = 0; attempt < 20; attempt++) {
            double x = clampToBounds(attribute.round(lower[cell] + rng.nextDouble() * (upper[cell] - lower[cell])));
            if (encode(x) == cell) {
                return x;
            }
        }
        return clampToBounds(attribute.round((lower[cell] + upper[cell]) / 2));
    }

    private double clampToBounds(double x) {
        return Math.max(attribute.min(), Math.min(attribute.max(), x));
    }

}
