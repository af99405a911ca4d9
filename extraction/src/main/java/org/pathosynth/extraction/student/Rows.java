package org.pathosynth.extraction.student;

import java.util.Arrays;

/** Examples' feature-id lists in one array (compressed rows), shared by every attribute's model; labels live apart. */
final class Rows {
    int size;
    int[] offsets = new int[1025];
    int[] ids = new int[1 << 16];

    /** Appends a row; returns its index. */
    int add(int[] featureIds, int from, int to) {
        if (size + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int n = to - from;
        int at = offsets[size];
        if (at + n > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, at + n));
        }
        System.arraycopy(featureIds, from, ids, at, n);
        offsets[size + 1] = at + n;
        return size++;
    }

    int from(int row) {
        return offsets[row];
    }

    int to(int row) {
        return offsets[row + 1];
    }
}
