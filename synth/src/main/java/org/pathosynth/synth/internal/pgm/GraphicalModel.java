package org.pathosynth.synth.internal.pgm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A calibrated graphical model on a junction tree: the marginal of every clique, in counts summing to the model's
 * total. Marginals of other attribute sets are computed exactly by variable elimination; rows are drawn by controlled
 * rounding, attribute by attribute. Immutable, so sampling is thread-safe.
 */
public final class GraphicalModel {
    private final JunctionTree tree;
    private final Factor[] beliefs;
    private final double total;

    private GraphicalModel(JunctionTree tree, Factor[] beliefs, double total) {
        this.tree = tree;
        this.beliefs = beliefs;
        this.total = total;
    }

    /** Calibrates log-potentials, one per clique of the tree, by sum-product message passing in log space. */
    public static GraphicalModel calibrate(JunctionTree tree, double[][] logPotentials, double total) {
        int m = tree.cliqueCount();
        int[] order = tree.order();
        double[][] inbound = new double[m][]; // potential plus messages from the children
        double[][] up = new double[m][]; // message from a clique to its parent, over the separator
        for (int c = 0; c < m; c++) {
            inbound[c] = logPotentials[c].clone();
        }
        for (int k = m - 1; k >= 1; k--) {
            int c = order[k];
            up[c] = logSumExpOnto(inbound[c], tree.childToSeparator(c), sepCells(tree, c));
            int[] toSep = tree.parentToSeparator(c);
            double[] p = inbound[tree.parent(c)];
            for (int i = 0; i < p.length; i++) {
                p[i] += up[c][toSep[i]];
            }
        }
        double[][] full = new double[m][];
        full[order[0]] = inbound[order[0]];
        for (int k = 1; k < m; k++) {
            int c = order[k];
            int[] toSep = tree.parentToSeparator(c);
            double[] p = full[tree.parent(c)];
            double[] context = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                context[i] = p[i] - up[c][toSep[i]];
            }
            double[] down = logSumExpOnto(context, toSep, sepCells(tree, c));
            int[] own = tree.childToSeparator(c);
            double[] f = inbound[c];
            for (int i = 0; i < f.length; i++) {
                f[i] += down[own[i]];
            }
            full[c] = f;
        }
        Factor[] beliefs = new Factor[m];
        for (int c = 0; c < m; c++) {
            double[] b = full[c];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : b) {
                max = Math.max(max, v);
            }
            double s = 0;
            double[] out = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = Math.exp(b[i] - max);
                s += out[i];
            }
            for (int i = 0; i < out.length; i++) {
                out[i] *= total / s;
            }
            beliefs[c] = new Factor(tree.clique(c), Factor.dimsOf(tree.clique(c), tree.domain()), out);
        }
        return new GraphicalModel(tree, beliefs, total);
    }

    private static int sepCells(JunctionTree tree, int c) {
        return Factor.cells(Factor.dimsOf(tree.separator(c), tree.domain()));
    }

    private static double[] logSumExpOnto(double[] values, int[] map, int cells) {
        double[] max = new double[cells];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < values.length; i++) {
            max[map[i]] = Math.max(max[map[i]], values[i]);
        }
        double[] sum = new double[cells];
        for (int i = 0; i < values.length; i++) {
            sum[map[i]] += Math.exp(values[i] - max[map[i]]);
        }
        for (int s = 0; s < cells; s++) {
            sum[s] = max[s] + Math.log(sum[s]);
        }
        return sum;
    }

    public JunctionTree tree() {
        return tree;
    }

    public double total() {
        return total;
    }

    /** The marginal of clique {@code c} of the tree, in counts. */
    public Factor belief(int c) {
        return beliefs[c];
    }

    /** The model's marginal over a sorted attribute set, in counts summing to the total. */
    public Factor project(int[] attributes) {
        int c = tree.cliqueCovering(attributes);
        if (c >= 0) {
            return beliefs[c].sumOnto(attributes);
        }
        return eliminate(attributes);
    }

    /**
     * Variable elimination over the joint written as clique marginals divided by separator marginals, restricted to the
     * smallest subtree whose cliques hold the target attributes: leaves holding no target attribute of their own sum to
     * their separator and cancel.
     */
    private Factor eliminate(int[] target) {
        int m = tree.cliqueCount();
        boolean[] kept = new boolean[m];
        Arrays.fill(kept, true);
        int[] degree = new int[m];
        for (int c = 0; c < m; c++) {
            if (tree.parent(c) >= 0) {
                degree[c]++;
                degree[tree.parent(c)]++;
            }
        }
        boolean pruned = true;
        while (pruned) {
            pruned = false;
            for (int c = 0; c < m; c++) {
                if (!kept[c] || degree[c] > 1) {
                    continue;
                }
                int neighbour = keptNeighbour(c, kept);
                if (neighbour < 0) {
                    continue; // the last clique
                }
                int[] own = JunctionTree.intersection(tree.clique(c), target);
                if (Factor.covers(tree.clique(neighbour), own)) {
                    kept[c] = false;
                    degree[neighbour]--;
                    pruned = true;
                }
            }
        }
        List<Factor> factors = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            if (!kept[c]) {
                continue;
            }
            Factor b = beliefs[c];
            double[] p = b.values().clone();
            for (int i = 0; i < p.length; i++) {
                p[i] /= total;
            }
            factors.add(new Factor(b.attributes(), b.dims(), p));
            int parent = tree.parent(c);
            if (parent >= 0 && kept[parent] && tree.separator(c).length > 0) {
                Factor sep = b.sumOnto(tree.separator(c));
                double[] inverse = new double[sep.size()];
                for (int i = 0; i < inverse.length; i++) {
                    inverse[i] = sep.values()[i] > 0 ? total / sep.values()[i] : 0;
                }
                factors.add(new Factor(sep.attributes(), sep.dims(), inverse));
            }
        }
        List<Integer> hidden = new ArrayList<>();
        for (Factor f : factors) {
            for (int a : f.attributes()) {
                if (Arrays.binarySearch(target, a) < 0 && !hidden.contains(a)) {
                    hidden.add(a);
                }
            }
        }
        while (!hidden.isEmpty()) {
            int best = -1;
            long bestCells = Long.MAX_VALUE;
            for (int a : hidden) {
                int[] scope = new int[0];
                for (Factor f : factors) {
                    if (f.contains(a)) {
                        scope = Factor.union(scope, f.attributes());
                    }
                }
                long cells = Factor.cellsLong(scope, tree.domain());
                if (cells < bestCells) {
                    bestCells = cells;
                    best = a;
                }
            }
            Factor product = null;
            List<Factor> rest = new ArrayList<>();
            for (Factor f : factors) {
                if (f.contains(best)) {
                    product = product == null ? f : product.times(f);
                } else {
                    rest.add(f);
                }
            }
            rest.add(product.sumOut(best));
            factors = rest;
            hidden.remove(Integer.valueOf(best));
        }
        Factor joint = Factor.constant(target, tree.domain(), total);
        for (Factor f : factors) {
            joint = joint.times(f);
        }
        return joint;
    }

    private int keptNeighbour(int c, boolean[] kept) {
        int p = tree.parent(c);
        if (p >= 0 && kept[p]) {
            return p;
        }
        for (int o = 0; o < tree.cliqueCount(); o++) {
            if (kept[o] && tree.parent(o) == c) {
                return o;
            }
        }
        return -1;
    }

    /**
     * {@code n} rows of cells (one array per attribute): attributes are filled in the reverse of the elimination order,
     * each from its marginal given the attributes already filled that it shares a clique with, by controlled rounding
     * within every group of rows that agree on them.
     */
    public int[][] sample(int n, SplittableRandom rng) {
        int[] domain = tree.domain();
        int[][] rows = new int[domain.length][n];
        List<Integer> used = new ArrayList<>();
        for (int col : tree.samplingOrder()) {
            int[] given = used.stream().filter(u -> tree.adjacent(u, col)).mapToInt(Integer::intValue).sorted().toArray();
            int[] set = Factor.union(given, new int[] {col});
            Factor marginal = project(set);
            int position = Arrays.binarySearch(set, col);
            int[] strides = strides(marginal.dims());
            int colStride = strides[position];
            // The index of each row's conditioning cell, with the attribute being filled at 0.
            int[] base = new int[n];
            for (int i = 0; i < set.length; i++) {
                if (i != position) {
                    int[] values = rows[set[i]];
                    for (int r = 0; r < n; r++) {
                        base[r] += values[r] * strides[i];
                    }
                }
            }
            int[][] groups = group(base, marginal.size());
            double[] conditional = new double[domain[col]];
            for (int b = 0; b < groups.length; b++) {
                if (groups[b] == null) {
                    continue;
                }
                for (int v = 0; v < conditional.length; v++) {
                    conditional[v] = marginal.values()[b + v * colStride];
                }
                ControlledRounding.fill(rows[col], groups[b], ControlledRounding.probabilities(conditional), rng);
            }
            used.add(col);
        }
        return rows;
    }

    private static int[] strides(int[] dims) {
        int[] out = new int[dims.length];
        for (int i = dims.length - 1, s = 1; i >= 0; i--) {
            out[i] = s;
            s *= dims[i];
        }
        return out;
    }

    /** Row indices by key, in row order; null where no row has the key. */
    private static int[][] group(int[] keys, int size) {
        int[] counts = new int[size];
        for (int k : keys) {
            counts[k]++;
        }
        int[][] out = new int[size][];
        for (int k = 0; k < size; k++) {
            if (counts[k] > 0) {
                out[k] = new int[counts[k]];
            }
        }
        int[] next = new int[size];
        for (int r = 0; r < keys.length; r++) {
            out[keys[r]][next[keys[r]]++] = r;
        }
        return out;
    }
}
