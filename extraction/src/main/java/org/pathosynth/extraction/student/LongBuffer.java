package org.pathosynth.extraction.student;

import java.util.Arrays;

/** A growable array of longs, reused between clauses to avoid allocation. */
final class LongBuffer {
    long[] data = new long[128];
    int size;

    void add(long v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    void clear() {
        size = 0;
    }
}
