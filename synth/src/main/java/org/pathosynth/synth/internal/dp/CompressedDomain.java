package org.pathosynth.synth.internal.dp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import org.pathosynth.synth.internal.model.ModelJson;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Domain compression of one attribute, decided from its noisy 1-way measurement (post-processing,
 * so no extra privacy cost). Categories follow MST: cells whose noisy count clears the threshold are
 * kept, the rest merge into one "other" group. Ordered attributes (integers, numeric bins) instead
 * merge sparse cells with their neighbours into contiguous ranges, so a sparse count of 3 nodes is
 * decoded near 3 rather than anywhere in the domain. The last original cell (missing) stays apart.
 * A merged group decodes to one of its cells in proportion to their noisy counts (clipped at 0;
 * uniformly when none is positive): post-processing of the same measurement, so it is free.
 *
 * @param groups original cells of each compressed cell
 * @param weights the noisy 1-way count of every original cell, used to decode merged groups
 */
public record CompressedDomain(int[][] groups, int originalSize, double[] weights) {

    /** MST's rule: supported cells in order, then one group of all the others (if any). */
    public static CompressedDomain categorical(double[] noisy, double threshold) {
        List<int[]> groups = new ArrayList<>();
        List<Integer> other = new ArrayList<>();
        for (int i = 0; i < noisy.length; i++) {
            if (noisy[i] >= threshold) {
                groups.add(new int[] {i});
            } else {
                other.add(i);
            }
        }
        if (!other.isEmpty()) {
            groups.add(other.stream().mapToInt(Integer::intValue).toArray());
        }
        return new CompressedDomain(groups.toArray(int[][]::new), noisy.length, noisy.clone());
    }

    /** Contiguous ranges of the ordered cells (all but the last, missing), each clearing the threshold where possible. */
    public static CompressedDomain ordered(double[] noisy, double threshold) {
        List<int[]> groups = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        double sum = 0;
        int ordered = noisy.length - 1;
        for (int i = 0; i < ordered; i++) {
            current.add(i);
            sum += noisy[i];
            if (sum >= threshold) {
                groups.add(current.stream().mapToInt(Integer::intValue).toArray());
                current.clear();
                sum = 0;
            }
        }
        if (!current.isEmpty()) {
            if (groups.isEmpty()) {
                groups.add(current.stream().mapToInt(Integer::intValue).toArray());
            } else { // a sparse tail joins the last range
                int[] last = groups.remove(groups.size() - 1);
                int[] merged = Arrays.copyOf(last, last.length + current.size());
                for (int k = 0; k < current.size(); k++) {
                    merged[last.length + k] = current.get(k);
                }
                groups.add(merged);
            }
        }
        groups.add(new int[] {ordered});
        return new CompressedDomain(groups.toArray(int[][]::new), noisy.length, noisy.clone());
    }

    public int size() {
        return groups.length;
    }

    /** Original cell → compressed cell. */
    public int[] forward() {
        int[] map = new int[originalSize];
        for (int g = 0; g < groups.length; g++) {
            for (int c : groups[g]) {
                map[c] = g;
            }
        }
        return map;
    }

    /** Compressed cell → an original cell (by noisy count within a merged group). */
    public int backward(int cell, SplittableRandom rng) {
        int[] g = groups[cell];
        if (g.length == 1) {
            return g[0];
        }
        double sum = 0;
        for (int c : g) {
            sum += Math.max(0, weights[c]);
        }
        if (sum <= 0) {
            return g[rng.nextInt(g.length)];
        }
        double u = rng.nextDouble() * sum;
        for (int c : g) {
            u -= Math.max(0, weights[c]);
            if (u < 0) {
                return c;
            }
        }
        return g[g.length - 1];
    }

    /** The compressed measurement: Σ y / √|g| per group, keeping every entry's noise at the original scale. */
    public double[] compress(double[] noisy) {
        double[] out = new double[groups.length];
        for (int g = 0; g < groups.length; g++) {
            double s = 0;
            for (int c : groups[g]) {
                s += noisy[c];
            }
            out[g] = s / Math.sqrt(groups[g].length);
        }
        return out;
    }

    /** Query scale per compressed cell: 1/√|g|. */
    public double[] scale() {
        double[] out = new double[groups.length];
        for (int g = 0; g < groups.length; g++) {
            out[g] = 1 / Math.sqrt(groups[g].length);
        }
        return out;
    }

    /** Adds this domain to a saved model's {@code domains} array: original size, noisy weights, groups. */
    public void writeTo(ArrayNode domains) {
        ObjectNode n = domains.addObject();
        n.put("original_size", originalSize);
        ModelJson.putDoubles(n, "weights", weights);
        ArrayNode g = n.putArray("groups");
        for (int[] group : groups) {
            Arrays.stream(group).forEach(g.addArray()::add);
        }
    }

    /** A domain saved by {@link #writeTo}. */
    public static CompressedDomain read(JsonNode n) {
        int[][] groups = new int[n.get("groups").size()][];
        for (int g = 0; g < groups.length; g++) {
            JsonNode cells = n.get("groups").get(g);
            groups[g] = new int[cells.size()];
            for (int i = 0; i < groups[g].length; i++) {
                groups[g][i] = cells.get(i).asInt();
            }
        }
        return new CompressedDomain(groups, n.get("original_size").asInt(), ModelJson.doubles(n.get("weights")));
    }
}
