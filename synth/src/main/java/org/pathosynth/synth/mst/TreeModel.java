package org.pathosynth.synth.mst;

import org.pathosynth.synth.internal.pgm.ControlledRounding;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.pathosynth.synth.internal.dp.Simplex;

/**
 * A forest-structured graphical model over discrete attributes, estimated from noisy marginal
 * measurements the way Private-PGM does it (numpy semantics): log-potentials per edge, clique
 * marginals by belief propagation in log space, and entropic mirror descent on
 * L = Σ ½‖(Qμ − y)/σ‖² with Armijo backtracking. MST's spanning tree is the one-component case;
 * an attribute in no edge is modelled by its own 1-way marginal. Edges are stored oriented
 * (child, parent) away from each component's lowest attribute; tables are indexed
 * [child cell][parent cell].
 */
final class TreeModel {
    final int[] sizes;
    final int[][] edges; // {child, parent}
    final double total;
    final double[][] marginals; // per edge, [child * kp + parent], summing to total
    final double[][] singles; // per attribute in no edge, its 1-way marginal summing to total; null for the others
    private final int[] parentEdge; // edge whose child is the attribute, -1 for the root
    private final int[] order; // BFS order, component by component
    private final List<List<Integer>> childEdges;

    TreeModel(int[] sizes, int[][] edges, double total, double[][] marginals, double[][] singles) {
        this.sizes = sizes;
        this.edges = edges;
        this.total = total;
        this.marginals = marginals;
        this.singles = singles;
        int d = sizes.length;
        parentEdge = new int[d];
        Arrays.fill(parentEdge, -1);
        childEdges = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            childEdges.add(new ArrayList<>());
        }
        for (int e = 0; e < edges.length; e++) {
            if (parentEdge[edges[e][0]] >= 0) {
                throw new IllegalArgumentException("attribute " + edges[e][0] + " has two parent edges");
            }
            parentEdge[edges[e][0]] = e;
            childEdges.get(edges[e][1]).add(e);
        }
        order = new int[d];
        int i = 0;
        boolean[] seen = new boolean[d];
        for (int start = 0; start < d; start++) {
            if (seen[start] || parentEdge[start] >= 0) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            seen[start] = true;
            while (!queue.isEmpty()) {
                int a = queue.poll();
                order[i++] = a;
                for (int e : childEdges.get(a)) {
                    seen[edges[e][0]] = true;
                    queue.add(edges[e][0]);
                }
            }
        }
        if (i != d) {
            throw new IllegalArgumentException("the edges do not form a forest");
        }
    }

    /** Orients undirected pairs away from the lowest attribute of each component: every other attribute gets one parent edge. */
    static int[][] orient(int d, List<int[]> pairs) {
        List<List<int[]>> adjacency = new ArrayList<>();
        for (int a = 0; a < d; a++) {
            adjacency.add(new ArrayList<>());
        }
        for (int[] p : pairs) {
            adjacency.get(p[0]).add(p);
            adjacency.get(p[1]).add(p);
        }
        int[][] out = new int[pairs.size()][];
        boolean[] visited = new boolean[d];
        int e = 0;
        for (int root = 0; root < d; root++) {
            if (visited[root]) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(root);
            visited[root] = true;
            while (!queue.isEmpty()) {
                int a = queue.poll();
                for (int[] p : adjacency.get(a)) {
                    int other = p[0] == a ? p[1] : p[0];
                    if (!visited[other]) {
                        visited[other] = true;
                        out[e++] = new int[] {other, a};
                        queue.add(other);
                    }
                }
            }
        }
        if (e != pairs.size()) {
            throw new IllegalArgumentException("the selected pairs contain a cycle");
        }
        return out;
    }

    /** Estimates the model from measurements with {@code iterations} mirror-descent steps. */
    static TreeModel estimate(int[] sizes, int[][] edges, List<Measurement> measurements, double total, int iterations) {
        Estimator est = new Estimator(sizes, edges, measurements, total);
        return new TreeModel(sizes, edges, total, est.run(iterations), est.singles());
    }

    /** The 1-way marginal of an attribute (summing to the total). */
    double[] attributeMarginal(int a) {
        if (singles[a] != null) {
            return singles[a].clone();
        }
        int e = parentEdge[a] >= 0 ? parentEdge[a] : childEdges.get(a).get(0);
        int kc = sizes[edges[e][0]];
        int kp = sizes[edges[e][1]];
        double[] out = new double[sizes[a]];
        boolean asChild = edges[e][0] == a;
        for (int i = 0; i < kc; i++) {
            for (int j = 0; j < kp; j++) {
                out[asChild ? i : j] += marginals[e][i * kp + j];
            }
        }
        return out;
    }

    /** n rows of cells by controlled rounding: each column's counts follow the model's (conditional) marginal. */
    int[][] sample(int n, SplittableRandom rng) {
        int d = sizes.length;
        int[][] rows = new int[d][n];
        for (int k = 0; k < d; k++) {
            int c = order[k];
            int e = parentEdge[c];
            if (e < 0) {
                ControlledRounding.fill(rows[c], allIndices(n), ControlledRounding.probabilities(attributeMarginal(c)), rng);
                continue;
            }
            int p = edges[e][1];
            int kc = sizes[c];
            int kp = sizes[p];
            List<List<Integer>> groups = new ArrayList<>();
            for (int v = 0; v < kp; v++) {
                groups.add(new ArrayList<>());
            }
            for (int r = 0; r < n; r++) {
                groups.get(rows[p][r]).add(r);
            }
            for (int v = 0; v < kp; v++) {
                if (groups.get(v).isEmpty()) {
                    continue;
                }
                double[] conditional = new double[kc];
                for (int i = 0; i < kc; i++) {
                    conditional[i] = marginals[e][i * kp + v];
                }
                ControlledRounding.fill(rows[c], groups.get(v).stream().mapToInt(Integer::intValue).toArray(), ControlledRounding.probabilities(conditional), rng);
            }
        }
        return rows;
    }

    private static int[] allIndices(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** Mirror descent over the edge log-potentials. */
    private static final class Estimator {
        private final int[] sizes;
        private final int[][] edges;
        private final List<Measurement> measurements;
        private final double total;
        private final int[] attachedEdge; // 1-way measurement of an attribute attaches to this edge
        private final int[] parentEdge;
        private final List<List<Integer>> childEdges;
        private final int[] order;

        Estimator(int[] sizes, int[][] edges, List<Measurement> measurements, double total) {
            this.sizes = sizes;
            this.edges = edges;
            this.measurements = measurements;
            this.total = total;
            TreeModel shape = new TreeModel(sizes, edges, total, new double[0][], new double[sizes.length][]);
            this.parentEdge = shape.parentEdge;
            this.childEdges = shape.childEdges;
            this.order = shape.order;
            attachedEdge = new int[sizes.length];
            for (int a = 0; a < sizes.length; a++) {
                attachedEdge[a] = parentEdge[a] >= 0 ? parentEdge[a] : childEdges.get(a).isEmpty() ? -1 : childEdges.get(a).get(0);
            }
        }

        /** The 1-way measurement of each attribute in no edge, projected onto {x ≥ 0, Σx = total}. */
        double[][] singles() {
            double[][] out = new double[sizes.length][];
            for (Measurement m : measurements) {
                if (m.edge() < 0 && attachedEdge[m.attribute()] < 0) {
                    double[] x = new double[m.values().length];
                    for (int i = 0; i < x.length; i++) {
                        x[i] = m.values()[i] / m.scale()[i];
                    }
                    out[m.attribute()] = Simplex.project(x, total);
                }
            }
            return out;
        }

        double[][] run(int iterations) {
            if (edges.length == 0) {
                return new double[0][];
            }
            double[][] theta = new double[edges.length][];
            for (int e = 0; e < edges.length; e++) {
                theta[e] = new double[sizes[edges[e][0]] * sizes[edges[e][1]]];
            }
            double[][] mu = beliefs(theta);
            double[][] grad = new double[edges.length][];
            double loss = lossAndGradient(mu, grad);
            double alpha = 1.0 / (total * total);
            for (int t = 0; t < iterations; t++) {
                double[][] omega = theta;
                double[][] nu = mu;
                double currentLoss = loss;
                double[][] dL = grad;
                alpha *= 2;
                double[][] newGrad = new double[edges.length][];
                double newLoss = 0;
                double[][] newTheta = null;
                double[][] newMu = null;
                for (int i = 0; i < 25; i++) {
                    newTheta = step(omega, dL, alpha);
                    newMu = beliefs(newTheta);
                    newLoss = lossAndGradient(newMu, newGrad);
                    if (currentLoss - newLoss >= 0.5 * alpha * dot(dL, nu, newMu)) {
                        break;
                    }
                    alpha *= 0.5;
                }
                theta = newTheta;
                mu = newMu;
                loss = newLoss;
                grad = newGrad;
            }
            return mu;
        }

        private static double[][] step(double[][] theta, double[][] grad, double alpha) {
            double[][] out = new double[theta.length][];
            for (int e = 0; e < theta.length; e++) {
                out[e] = new double[theta[e].length];
                for (int i = 0; i < out[e].length; i++) {
                    out[e][i] = theta[e][i] - alpha * grad[e][i];
                }
            }
            return out;
        }

        private static double dot(double[][] g, double[][] a, double[][] b) {
            double s = 0;
            for (int e = 0; e < g.length; e++) {
                for (int i = 0; i < g[e].length; i++) {
                    s += g[e][i] * (a[e][i] - b[e][i]);
                }
            }
            return s;
        }

        /** L = Σ ½‖(Qμ − y)/σ‖²; fills the gradient with respect to each edge marginal. */
        private double lossAndGradient(double[][] mu, double[][] grad) {
            for (int e = 0; e < edges.length; e++) {
                grad[e] = new double[mu[e].length];
            }
            double loss = 0;
            for (Measurement m : measurements) {
                double c2 = 1 / (m.sigma() * m.sigma());
                if (m.edge() >= 0) {
                    double[] x = mu[m.edge()];
                    for (int i = 0; i < x.length; i++) {
                        double diff = x[i] - m.values()[i];
                        loss += 0.5 * diff * diff * c2;
                        grad[m.edge()][i] += diff * c2;
                    }
                    continue;
                }
                int a = m.attribute();
                int e = attachedEdge[a];
                if (e < 0) {
                    continue; // an attribute in no edge: estimated on its own
                }
                int kc = sizes[edges[e][0]];
                int kp = sizes[edges[e][1]];
                boolean asChild = edges[e][0] == a;
                double[] marginal = new double[sizes[a]];
                for (int i = 0; i < kc; i++) {
                    for (int j = 0; j < kp; j++) {
                        marginal[asChild ? i : j] += mu[e][i * kp + j];
                    }
                }
                double[] g = new double[sizes[a]];
                for (int i = 0; i < g.length; i++) {
                    double diff = m.scale()[i] * marginal[i] - m.values()[i];
                    loss += 0.5 * diff * diff * c2;
                    g[i] = m.scale()[i] * diff * c2;
                }
                for (int i = 0; i < kc; i++) {
                    for (int j = 0; j < kp; j++) {
                        grad[e][i * kp + j] += g[asChild ? i : j];
                    }
                }
            }
            return loss;
        }

        /** Edge marginals (summing to the total) by sum-product in log space on the tree. */
        private double[][] beliefs(double[][] theta) {
            int d = sizes.length;
            double[][] up = new double[d][]; // message from attribute to its parent, over parent cells
            double[][] down = new double[d][]; // message from parent into attribute, over attribute cells
            double[][] inbound = new double[d][]; // sum of messages from children, over own cells
            for (int a = 0; a < d; a++) {
                inbound[a] = new double[sizes[a]];
            }
            for (int k = d - 1; k >= 0; k--) {
                int c = order[k];
                int e = parentEdge[c];
                if (e >= 0) {
                    int p = edges[e][1];
                    up[c] = logSumExp(theta[e], sizes[p], 1, sizes[c], sizes[p], inbound[c]); // over the child's cells
                    for (int j = 0; j < sizes[p]; j++) {
                        inbound[p][j] += up[c][j];
                    }
                }
            }
            for (int k = 0; k < d; k++) {
                int c = order[k];
                int e = parentEdge[c];
                if (e >= 0) {
                    int p = edges[e][1];
                    double[] context = new double[sizes[p]]; // everything at the parent except this child's message
                    for (int j = 0; j < context.length; j++) {
                        context[j] = inbound[p][j] - up[c][j] + (down[p] == null ? 0 : down[p][j]);
                    }
                    down[c] = logSumExp(theta[e], sizes[c], sizes[p], sizes[p], 1, context); // over the parent's cells
                }
            }
            double[][] mu = new double[edges.length][];
            for (int e = 0; e < edges.length; e++) {
                int c = edges[e][0];
                int p = edges[e][1];
                int kc = sizes[c];
                int kp = sizes[p];
                double[] b = new double[kc * kp];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < kc; i++) {
                    for (int j = 0; j < kp; j++) {
                        double v = theta[e][i * kp + j] + inbound[c][i] + inbound[p][j] - up[c][j] + (down[p] == null ? 0 : down[p][j]);
                        b[i * kp + j] = v;
                        max = Math.max(max, v);
                    }
                }
                double s = 0;
                for (int i = 0; i < b.length; i++) {
                    b[i] = Math.exp(b[i] - max);
                    s += b[i];
                }
                for (int i = 0; i < b.length; i++) {
                    b[i] *= total / s;
                }
                mu[e] = b;
            }
            return mu;
        }

        /**
         * A message along an edge table θ (child cells × parent cells, row-major): for each cell {@code o} of the side
         * it goes to, log Σ_x exp(θ(o, x) + extra[x]) over the cells {@code x} of the other side, computed stably. The
         * strides say which side is which.
         */
        private static double[] logSumExp(double[] theta, int cells, int cellStride, int summed, int summedStride,
                                          double[] extra) {
            double[] msg = new double[cells];
            for (int o = 0; o < cells; o++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int x = 0; x < summed; x++) {
                    max = Math.max(max, theta[o * cellStride + x * summedStride] + extra[x]);
                }
                double s = 0;
                for (int x = 0; x < summed; x++) {
                    s += Math.exp(theta[o * cellStride + x * summedStride] + extra[x] - max);
                }
                msg[o] = max + Math.log(s);
            }
            return msg;
        }
    }
}
