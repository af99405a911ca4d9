package org.pathosynth.synth.internal.pgm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The junction tree of a set of attribute cliques: the graph joining every pair of attributes that share a clique is
 * triangulated by greedy elimination (the vertex whose elimination clique has the fewest cells first), its maximal
 * cliques are joined by a maximum spanning tree on separator size (disconnected parts by empty separators), and the
 * tree is rooted at clique 0. Everything is deterministic: the same cliques give the same tree.
 */
public final class JunctionTree {
    private final int[] domain;
    private final int[][] cliques;
    private final int[] parent; // -1 for the root
    private final int[] order; // pre-order: parents before children
    private final int[][] separators; // over the parent edge of each clique (empty for the root)
    private final int[] elimination; // attribute elimination order of the triangulation
    private final BitSet[] neighbours; // in the triangulated graph
    private final int[][] childToSeparator; // per clique, its cells onto its parent separator
    private final int[][] parentToSeparator; // per clique, its parent's cells onto its separator

    private JunctionTree(int[] domain, int[][] cliques, int[] parent, int[] order, int[] elimination, BitSet[] neighbours) {
        this.domain = domain;
        this.cliques = cliques;
        this.parent = parent;
        this.order = order;
        this.elimination = elimination;
        this.neighbours = neighbours;
        separators = new int[cliques.length][];
        childToSeparator = new int[cliques.length][];
        parentToSeparator = new int[cliques.length][];
        for (int c = 0; c < cliques.length; c++) {
            int p = parent[c];
            separators[c] = p < 0 ? new int[0] : intersection(cliques[c], cliques[p]);
            int[] sepDims = Factor.dimsOf(separators[c], domain);
            childToSeparator[c] = Factor.map(cliques[c], Factor.dimsOf(cliques[c], domain), separators[c], sepDims);
            parentToSeparator[c] = p < 0 ? null : Factor.map(cliques[p], Factor.dimsOf(cliques[p], domain), separators[c], sepDims);
        }
    }

    /**
     * @param domain cell count of every attribute of the domain (attributes in no clique become cliques of their own)
     * @param sets   attribute sets that must each lie inside one clique of the tree
     */
    public static JunctionTree of(int[] domain, List<int[]> sets) {
        int d = domain.length;
        BitSet[] adjacent = new BitSet[d];
        for (int a = 0; a < d; a++) {
            adjacent[a] = new BitSet(d);
        }
        for (int[] s : sets) {
            for (int a : s) {
                for (int b : s) {
                    if (a != b) {
                        adjacent[a].set(b);
                    }
                }
            }
        }
        BitSet[] triangulated = new BitSet[d];
        for (int a = 0; a < d; a++) {
            triangulated[a] = (BitSet) adjacent[a].clone();
        }
        BitSet[] work = new BitSet[d];
        for (int a = 0; a < d; a++) {
            work[a] = (BitSet) adjacent[a].clone();
        }
        BitSet eliminated = new BitSet(d);
        int[] elimination = new int[d];
        List<int[]> candidates = new ArrayList<>();
        for (int step = 0; step < d; step++) {
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int v = 0; v < d; v++) {
                if (eliminated.get(v)) {
                    continue;
                }
                double cost = Math.log(domain[v]);
                for (int u = work[v].nextSetBit(0); u >= 0; u = work[v].nextSetBit(u + 1)) {
                    cost += Math.log(domain[u]);
                }
                if (cost < bestCost - 1e-12) {
                    bestCost = cost;
                    best = v;
                }
            }
            elimination[step] = best;
            BitSet nbrs = (BitSet) work[best].clone();
            int[] clique = new int[nbrs.cardinality() + 1];
            int k = 0;
            for (int u = nbrs.nextSetBit(0); u >= 0; u = nbrs.nextSetBit(u + 1)) {
                clique[k++] = u;
            }
            clique[k] = best;
            Arrays.sort(clique);
            candidates.add(clique);
            for (int u = nbrs.nextSetBit(0); u >= 0; u = nbrs.nextSetBit(u + 1)) {
                work[u].or(nbrs);
                work[u].clear(u);
                work[u].clear(best);
                triangulated[u].or(nbrs);
                triangulated[u].clear(u);
            }
            eliminated.set(best);
        }
        int[][] cliques = maximalSets(candidates).toArray(new int[0][]);
        int[] parent = spanningTree(cliques);
        return new JunctionTree(domain, cliques, parent, preOrder(parent), elimination, triangulated);
    }

    /** The distinct sets that no other set contains, in their order (of equal sets, the first). */
    static List<int[]> maximalSets(List<int[]> sets) {
        List<int[]> out = new ArrayList<>();
        for (int m = 0; m < sets.size(); m++) {
            int[] a = sets.get(m);
            boolean inside = false;
            for (int o = 0; o < sets.size() && !inside; o++) {
                int[] b = sets.get(o);
                inside = o != m && Factor.covers(b, a) && (b.length > a.length || o < m);
            }
            if (!inside) {
                out.add(a);
            }
        }
        return out;
    }

    /** Prim's algorithm for the maximum spanning tree on separator sizes, rooted at clique 0; ties to the lower index. */
    private static int[] spanningTree(int[][] cliques) {
        int m = cliques.length;
        int[] parent = new int[m];
        Arrays.fill(parent, -1);
        boolean[] in = new boolean[m];
        int[] bestWeight = new int[m];
        Arrays.fill(bestWeight, -1);
        in[0] = true;
        for (int c = 1; c < m; c++) {
            bestWeight[c] = intersection(cliques[c], cliques[0]).length;
            parent[c] = 0;
        }
        for (int added = 1; added < m; added++) {
            int next = -1;
            for (int c = 0; c < m; c++) {
                if (!in[c] && (next < 0 || bestWeight[c] > bestWeight[next])) {
                    next = c;
                }
            }
            in[next] = true;
            for (int c = 0; c < m; c++) {
                if (!in[c]) {
                    int w = intersection(cliques[c], cliques[next]).length;
                    if (w > bestWeight[c]) {
                        bestWeight[c] = w;
                        parent[c] = next;
                    }
                }
            }
        }
        return parent;
    }

    private static int[] preOrder(int[] parent) {
        int m = parent.length;
        List<List<Integer>> children = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            children.add(new ArrayList<>());
        }
        for (int c = 1; c < m; c++) {
            children.get(parent[c]).add(c);
        }
        int[] out = new int[m];
        int k = 0;
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>();
        stack.push(0);
        while (!stack.isEmpty()) {
            int c = stack.pop();
            out[k++] = c;
            List<Integer> kids = children.get(c);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return out;
    }

    static int[] intersection(int[] a, int[] b) {
        return Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).toArray();
    }

    /** The total cell count of the cliques: what a model on this tree stores, the size AIM's limit bounds. */
    public static long size(int[] domain, List<int[]> sets) {
        JunctionTree t = of(domain, sets);
        long n = 0;
        for (int[] c : t.cliques) {
            n += Factor.cellsLong(c, domain);
        }
        return n;
    }

    public int[] domain() {
        return domain;
    }

    public int cliqueCount() {
        return cliques.length;
    }

    public int[] clique(int c) {
        return cliques[c];
    }

    /** The first clique holding every attribute of {@code set}, or -1. */
    public int cliqueCovering(int[] set) {
        for (int c = 0; c < cliques.length; c++) {
            if (Factor.covers(cliques[c], set)) {
                return c;
            }
        }
        return -1;
    }

    int parent(int c) {
        return parent[c];
    }

    int[] order() {
        return order;
    }

    int[] separator(int c) {
        return separators[c];
    }

    int[] childToSeparator(int c) {
        return childToSeparator[c];
    }

    int[] parentToSeparator(int c) {
        return parentToSeparator[c];
    }

    /** Attributes in the order a sampler fills them: the reverse of the elimination order. */
    int[] samplingOrder() {
        int[] out = new int[elimination.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = elimination[elimination.length - 1 - i];
        }
        return out;
    }

    /** Whether two attributes are joined in the triangulated graph. */
    boolean adjacent(int a, int b) {
        return neighbours[a].get(b);
    }
}
