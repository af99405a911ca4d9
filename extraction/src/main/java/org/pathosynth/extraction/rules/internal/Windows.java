package org.pathosynth.extraction.rules.internal;

import java.util.Arrays;

/**
 * Stretches of a report (node sentences, windows around node words, macroscopy sections) added in order of their
 * start: a few pairs of ints instead of a flag per character, which a one-page report would allocate many times over.
 */
public final class Windows {
    private int[] starts = new int[8];
    private int[] furthestEnds = new int[8]; // the furthest end of this window and every earlier one
    private int size;

    /** Adds [from, to); {@code from} must not precede the start of the window added before. Empty windows are ignored. */
    public void add(int from, int to) {
        if (to <= from) {
            return;
        }
        if (size > 0 && from < starts[size - 1]) {
            throw new IllegalArgumentException("windows must be added in order of their start: " + from + " after " + starts[size - 1]);
        }
        int end = size == 0 ? to : Math.max(to, furthestEnds[size - 1]);
        if (size > 0 && starts[size - 1] == from) {
            furthestEnds[size - 1] = end;
            return;
        }
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            furthestEnds = Arrays.copyOf(furthestEnds, size * 2);
        }
        starts[size] = from;
        furthestEnds[size++] = end;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Whether a window holds {@code position}. */
    public boolean contains(int position) {
        return endAt(position) > position;
    }

    /** The first position at or after {@code position} that a window holds, or -1 when there is none. */
    int nextHeld(int position) {
        int i = Arrays.binarySearch(starts, 0, size, position);
        int last = i >= 0 ? i : -i - 2;
        if (last >= 0 && furthestEnds[last] > position) {
            return position;
        }
        return last + 1 < size ? starts[last + 1] : -1;
    }

    /** The furthest end of the windows holding {@code position}, or -1 when none holds it. */
    public int endAt(int position) {
        int i = Arrays.binarySearch(starts, 0, size, position);
        int last = i >= 0 ? i : -i - 2; // the last window starting at or before the position
        return last >= 0 && furthestEnds[last] > position ? furthestEnds[last] : -1;
    }
}
