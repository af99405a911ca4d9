package org.pathosynth.synth.internal.pgm;

import java.util.Arrays;
import java.util.List;

/**
 * Cells of a marginal that no record can fall into, known without looking at the data (private-pgm's structural zeros):
 * the model gives them no mass whatever the noisy measurements say.
 *
 * @param attributes a sorted attribute set
 * @param impossible one flag per joint cell of the set (the last attribute fastest)
 */
public record StructuralZeros(int[] attributes, boolean[] impossible) {
    public StructuralZeros {
        attributes = attributes.clone();
        impossible = impossible.clone();
        for (int i = 1; i < attributes.length; i++) {
            if (attributes[i] <= attributes[i - 1]) {
                throw new IllegalArgumentException("structural zeros need a sorted attribute set, got "
                        + Arrays.toString(attributes));
            }
        }
    }

    /** The number of impossible cells. */
    public int count() {
        int n = 0;
        for (boolean z : impossible) {
            n += z ? 1 : 0;
        }
        return n;
    }

    /** The cells of a sorted attribute set that some of the zeros forbid (null when none of them lies inside it). */
    public static boolean[] cellsOf(int[] set, int[] domain, List<StructuralZeros> zeros) {
        boolean[] out = null;
        for (StructuralZeros z : zeros) {
            if (!Factor.covers(set, z.attributes())) {
                continue;
            }
            int[] map = Factor.map(set, Factor.dimsOf(set, domain), z.attributes(), Factor.dimsOf(z.attributes(), domain));
            if (out == null) {
                out = new boolean[map.length];
            }
            for (int i = 0; i < map.length; i++) {
                out[i] |= z.impossible()[map[i]];
            }
        }
        return out;
    }
}
