package org.pathosynth.extraction.student;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Feature hashes to dense ids, by open addressing on primitive arrays (no boxing on the hot path). Built while counting
 * the training data; features seen fewer than the minimum count are left out and ignored at extraction time.
 */
final class FeatureIndex {
    private static final long EMPTY = 0L;
    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    FeatureIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** The id of {@code key}, or -1. */
    int get(long key) {
        long k = key == EMPTY ? 1 : key;
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (true) {
            long at = keys[i];
            if (at == k) {
                return values[i];
            }
            if (at == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds {@code delta} to the value of {@code key} (0 when new); returns the new value. For counting. */
    int add(long key, int delta) {
        long k = key == EMPTY ? 1 : key;
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (true) {
            long at = keys[i];
            if (at == k) {
                values[i] += delta;
                return values[i];
            }
            if (at == EMPTY) {
                keys[i] = k;
                values[i] = delta;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return delta;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != EMPTY) {
                put(oldKeys[j], oldValues[j]);
            }
        }
    }

    private void put(long k, int value) {
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = value;
        size++;
    }

    /**
     * The index of the keys counted at least {@code minCount} times in {@code counts}, numbered in increasing key order
     * (so the same data give the same ids whatever the counting order).
     */
    static FeatureIndex keep(FeatureIndex counts, int minCount) {
        long[] kept = new long[counts.size];
        int n = 0;
        for (int j = 0; j < counts.keys.length; j++) {
            if (counts.keys[j] != EMPTY && counts.values[j] >= minCount) {
                kept[n++] = counts.keys[j];
            }
        }
        kept = Arrays.copyOf(kept, n);
        Arrays.sort(kept);
        FeatureIndex index = new FeatureIndex(n);
        for (int id = 0; id < n; id++) {
            index.put(kept[id], id);
        }
        return index;
    }

    /** Looks up every hash of {@code features}; writes the known ids to {@code ids} and returns how many. */
    int lookup(LongBuffer features, int[] ids) {
        int n = 0;
        for (int j = 0; j < features.size; j++) {
            int id = get(features.data[j]);
            if (id >= 0) {
                ids[n++] = id;
            }
        }
        return n;
    }

    void write(DataOutput out) throws IOException {
        long[] sorted = new long[size];
        int n = 0;
        for (int j = 0; j < keys.length; j++) {
            if (keys[j] != EMPTY) {
                sorted[n++] = keys[j];
            }
        }
        Arrays.sort(sorted);
        out.writeInt(size);
        for (long k : sorted) {
            out.writeLong(k);
            out.writeInt(get(k));
        }
    }

    static FeatureIndex read(DataInput in) throws IOException {
        int n = in.readInt();
        FeatureIndex index = new FeatureIndex(n);
        for (int j = 0; j < n; j++) {
            long k = in.readLong();
            index.put(k, in.readInt());
        }
        return index;
    }
}
