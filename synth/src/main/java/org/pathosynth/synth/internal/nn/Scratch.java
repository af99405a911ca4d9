package org.pathosynth.synth.internal.nn;

/**
 * A matrix that a layer reuses from one training pass to the next instead of allocating it again: a CTGAN fit
 * allocated about 50 MB per step, mostly layer outputs of a batch's size, which cost their zeroing and a young
 * collection every few steps. Only for values that live until the layer's next pass (a layer keeps one pass's state
 * anyway), and only in training-mode passes, which never run on two threads at once: a fit runs on one thread, and a
 * GAN model's sampling, which uses batch statistics as the reference does, is serialised. Passes in evaluation mode
 * (a PATE-CTGAN teacher's votes) allocate.
 */
final class Scratch {
    private Matrix matrix;
    private float[][] rows;

    /** A rows × cols matrix whose values are left over from an earlier pass: the caller writes every entry. */
    Matrix take(int rows, int cols) {
        Matrix m = matrix;
        if (m == null || m.rows != rows || m.cols != cols) {
            m = new Matrix(rows, cols);
            matrix = m;
        }
        return m;
    }

    /**
     * count float rows of the given length, left over from an earlier pass: entries the caller does not write keep
     * what it left there, zeros in new rows (the zero row that {@link Kernels#floatRows} never writes).
     */
    float[][] rows(int count, int length) {
        float[][] r = rows;
        if (r == null || r.length != count || r[0].length != length) {
            r = new float[count][length];
            rows = r;
        }
        return r;
    }

    /** Float rows from {@code scratch}, or new ones if it is null (outside training). */
    static float[][] rows(Scratch scratch, int count, int length) {
        return scratch == null ? new float[count][length] : scratch.rows(count, length);
    }
}
