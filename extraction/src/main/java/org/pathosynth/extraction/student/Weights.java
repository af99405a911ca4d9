package org.pathosynth.extraction.student;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Weight arrays on disk as 16-bit integers with one scale per array (the largest weight maps to 32767): half the size
 * of floats, and the rounding (at most 1/65534 of the largest weight) moves no decision that matters.
 */
final class Weights {
    private Weights() {
    }

    static void write(DataOutputStream out, float[] w) throws IOException {
        float scale = scale(w, 0, w.length);
        out.writeInt(w.length);
        out.writeFloat(scale);
        for (float x : w) {
            out.writeShort(quantize(x, scale));
        }
    }

    static float[] read(DataInputStream in) throws IOException {
        int n = in.readInt();
        float scale = in.readFloat();
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = in.readShort() * scale;
        }
        return w;
    }

    /** A value model's rows that are not all zero: the features seen in its training clauses. */
    static void writeSparse(DataOutputStream out, ValueModel m) throws IOException {
        int classes = m.classes;
        int features = m.weights.length / classes;
        float scale = scale(m.weights, 0, m.weights.length);
        int rows = 0;
        for (int f = 0; f < features; f++) {
            if (nonZero(m.weights, f * classes, classes)) {
                rows++;
            }
        }
        out.writeFloat(scale);
        out.writeInt(rows);
        for (int f = 0; f < features; f++) {
            if (nonZero(m.weights, f * classes, classes)) {
                out.writeInt(f);
                for (int k = 0; k < classes; k++) {
                    out.writeShort(quantize(m.weights[f * classes + k], scale));
                }
            }
        }
    }

    static ValueModel readSparse(DataInputStream in, int classes, int features) throws IOException {
        float scale = in.readFloat();
        int rows = in.readInt();
        float[] w = new float[features * classes];
        for (int r = 0; r < rows; r++) {
            int f = in.readInt();
            for (int k = 0; k < classes; k++) {
                w[f * classes + k] = in.readShort() * scale;
            }
        }
        return new ValueModel(classes, w);
    }

    private static boolean nonZero(float[] w, int from, int n) {
        for (int k = 0; k < n; k++) {
            if (w[from + k] != 0) {
                return true;
            }
        }
        return false;
    }

    private static float scale(float[] w, int from, int to) {
        float max = 0;
        for (int i = from; i < to; i++) {
            max = Math.max(max, Math.abs(w[i]));
        }
        return max == 0 ? 1 : max / 32767f;
    }

    private static short quantize(float x, float scale) {
        return (short) Math.max(-32767, Math.min(32767, Math.round(x / scale)));
    }
}
