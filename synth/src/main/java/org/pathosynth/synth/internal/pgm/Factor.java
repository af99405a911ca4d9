package org.pathosynth.synth.internal.pgm;

import java.util.Arrays;

/**
 * A table over a sorted set of attributes of a discrete domain: one value per joint cell, the last attribute varying
 * fastest. Probabilities, counts or log-potentials alike; the operations say which they assume.
 */
public final class Factor {
    private final int[] attributes;
    private final int[] dims;
    private final double[] values;

    /** @param attributes strictly increasing attribute indices; {@code dims} their cell counts */
    public Factor(int[] attributes, int[] dims, double[] values) {
        for (int i = 1; i < attributes.length; i++) {
            if (attributes[i] <= attributes[i - 1]) {
                throw new IllegalArgumentException("factor attributes must be strictly increasing: " + Arrays.toString(attributes));
            }
        }
        if (values.length != cells(dims)) {
            throw new IllegalArgumentException("a factor over " + Arrays.toString(dims) + " needs " + cells(dims)
                    + " values, got " + values.length);
        }
        this.attributes = attributes;
        this.dims = dims;
        this.values = values;
    }

    /** A factor over {@code attributes} (of a domain whose cell counts are {@code domain}) with every value {@code v}. */
    public static Factor constant(int[] attributes, int[] domain, double v) {
        int[] dims = dimsOf(attributes, domain);
        double[] values = new double[cells(dims)];
        Arrays.fill(values, v);
        return new Factor(attributes, dims, values);
    }

    public int[] attributes() {
        return attributes;
    }

    public int[] dims() {
        return dims;
    }

    /** The values themselves (not a copy): the model code fills and reads them in place. */
    public double[] values() {
        return values;
    }

    public int size() {
        return values.length;
    }

    public boolean contains(int attribute) {
        return Arrays.binarySearch(attributes, attribute) >= 0;
    }

    /** Whether every attribute of {@code sub} is one of this factor's. */
    public boolean covers(int[] sub) {
        return covers(attributes, sub);
    }

    /** Whether every attribute of {@code sub} is in the sorted {@code set}. */
    public static boolean covers(int[] set, int[] sub) {
        for (int a : sub) {
            if (Arrays.binarySearch(set, a) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The sum of the values onto {@code sub} (a subset of this factor's attributes). */
    public Factor sumOnto(int[] sub) {
        int[] subDims = subDims(sub);
        double[] out = new double[cells(subDims)];
        int[] map = map(attributes, dims, sub, subDims);
        for (int c = 0; c < values.length; c++) {
            out[map[c]] += values[c];
        }
        return new Factor(sub, subDims, out);
    }

    /** The product with another factor, over the union of both attribute sets. */
    public Factor times(Factor other) {
        int[] union = union(attributes, other.attributes);
        int[] unionDims = new int[union.length];
        for (int i = 0; i < union.length; i++) {
            int k = Arrays.binarySearch(attributes, union[i]);
            unionDims[i] = k >= 0 ? dims[k] : other.dims[Arrays.binarySearch(other.attributes, union[i])];
        }
        int[] mine = map(union, unionDims, attributes, dims);
        int[] theirs = map(union, unionDims, other.attributes, other.dims);
        double[] out = new double[mine.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = values[mine[c]] * other.values[theirs[c]];
        }
        return new Factor(union, unionDims, out);
    }

    /** The values summed over one attribute. */
    public Factor sumOut(int attribute) {
        int[] rest = Arrays.stream(attributes).filter(a -> a != attribute).toArray();
        return sumOnto(rest);
    }

    private int[] subDims(int[] sub) {
        int[] out = new int[sub.length];
        for (int i = 0; i < sub.length; i++) {
            int k = Arrays.binarySearch(attributes, sub[i]);
            if (k < 0) {
                throw new IllegalArgumentException("attribute " + sub[i] + " is not in the factor over " + Arrays.toString(attributes));
            }
            out[i] = dims[k];
        }
        return out;
    }

    /** The cell counts of {@code attributes} in a domain. */
    public static int[] dimsOf(int[] attributes, int[] domain) {
        int[] out = new int[attributes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = domain[attributes[i]];
        }
        return out;
    }

    /** The number of joint cells, refused beyond what an array holds. */
    public static int cells(int[] dims) {
        long n = 1;
        for (int k : dims) {
            n *= k;
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("a factor over " + Arrays.toString(dims) + " has too many cells");
            }
        }
        return (int) n;
    }

    /** The cell count as a long, for size limits that must not overflow. */
    static long cellsLong(int[] attributes, int[] domain) {
        long n = 1;
        for (int a : attributes) {
            n = Math.multiplyExact(n, (long) domain[a]);
        }
        return n;
    }

    static int[] union(int[] a, int[] b) {
        return java.util.stream.IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
    }

    /**
     * For each cell of a table over {@code attributes} (cell counts {@code dims}), the index of its cell in a table over
     * {@code sub}, a subset: the projection every marginal, expansion and message is computed with.
     */
    public static int[] map(int[] attributes, int[] dims, int[] sub, int[] subDims) {
        int n = cells(dims);
        int[] subStrides = new int[sub.length];
        for (int j = sub.length - 1, s = 1; j >= 0; j--) {
            subStrides[j] = s;
            s *= subDims[j];
        }
        int[] stride = new int[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            int j = Arrays.binarySearch(sub, attributes[i]);
            stride[i] = j >= 0 ? subStrides[j] : 0;
        }
        int[] out = new int[n];
        int[] counter = new int[attributes.length];
        int idx = 0;
        for (int c = 0; c < n; c++) {
            out[c] = idx;
            for (int i = attributes.length - 1; i >= 0; i--) {
                counter[i]++;
                idx += stride[i];
                if (counter[i] < dims[i]) {
                    break;
                }
                idx -= stride[i] * dims[i];
                counter[i] = 0;
            }
        }
        return out;
    }
}
