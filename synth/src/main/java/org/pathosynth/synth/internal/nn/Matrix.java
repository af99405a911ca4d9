package org.pathosynth.synth.internal.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/** A dense row-major matrix of doubles: the one value type the toolkit computes with. */
public final class Matrix {
    public final int rows;
    public final int cols;
    public final double[] data;

    public Matrix(int rows, int cols) {
        this(rows, cols, new double[rows * cols]);
    }

    public Matrix(int rows, int cols, double[] data) {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    public double get(int r, int c) {
        return data[r * cols + c];
    }

    public void set(int r, int c, double v) {
        data[r * cols + c] = v;
    }

    public Matrix copy() {
        return new Matrix(rows, cols, data.clone());
    }

    public Matrix zerosLike() {
        return new Matrix(rows, cols);
    }

    public void fill(double v) {
        Arrays.fill(data, v);
    }

    /** Standard normal entries. */
    public static Matrix gaussian(int rows, int cols, SplittableRandom rng) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = rng.nextGaussian();
        }
        return m;
    }

    /** Columns of a and b side by side. */
    public static Matrix concat(Matrix a, Matrix b) {
        if (a.rows != b.rows) {
            throw new IllegalArgumentException("cannot concatenate " + a.rows + " rows with " + b.rows);
        }
        Matrix out = new Matrix(a.rows, a.cols + b.cols);
        for (int r = 0; r < a.rows; r++) {
            System.arraycopy(a.data, r * a.cols, out.data, r * out.cols, a.cols);
            System.arraycopy(b.data, r * b.cols, out.data, r * out.cols + a.cols, b.cols);
        }
        return out;
    }

    /** Columns [from, to). */
    /** The mean of all values. */
    public double mean() {
        double s = 0;
        for (double v : data) {
            s += v;
        }
        return s / data.length;
    }

    /** Row r is α_r·a_r + (1 − α_r)·b_r with a fresh α_r ~ U(0, 1) per row (the WGAN-GP interpolates). */
    public static Matrix mixRows(Matrix a, Matrix b, SplittableRandom rng) {
        if (a.rows != b.rows || a.cols != b.cols) {
            throw new IllegalArgumentException("cannot mix " + a.rows + "x" + a.cols + " with " + b.rows + "x" + b.cols);
        }
        Matrix mixed = a.zerosLike();
        for (int r = 0; r < a.rows; r++) {
            double alpha = rng.nextDouble();
            int o = r * a.cols;
            for (int j = 0; j < a.cols; j++) {
                mixed.data[o + j] = alpha * a.data[o + j] + (1 - alpha) * b.data[o + j];
            }
        }
        return mixed;
    }

    /** The rows of a followed by the rows of b. */
    public static Matrix stackRows(Matrix a, Matrix b) {
        if (a.cols != b.cols) {
            throw new IllegalArgumentException("cannot stack rows of width " + a.cols + " and " + b.cols);
        }
        double[] d = Arrays.copyOf(a.data, a.data.length + b.data.length);
        System.arraycopy(b.data, 0, d, a.data.length, b.data.length);
        return new Matrix(a.rows + b.rows, a.cols, d);
    }

    public Matrix columns(int from, int to) {
        Matrix out = new Matrix(rows, to - from);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * cols + from, out.data, r * out.cols, out.cols);
        }
        return out;
    }

    /** The same values seen as rows/k rows of k·cols (packing k consecutive rows into one). */
    public Matrix reshapeRows(int k) {
        if (rows % k != 0) {
            throw new IllegalArgumentException(rows + " rows cannot be packed by " + k);
        }
        return new Matrix(rows / k, cols * k, data);
    }
}
