package org.pathosynth.synth.internal.pgm;

import java.util.ArrayList;
import java.util.List;

/**
 * Private-pgm's estimation: the graphical model whose marginals best fit noisy measurements (least squares weighted by
 * 1/σ²), found by mirror descent on log-potentials over the measured attribute sets (and the sets of any structural
 * zeros), with a backtracking step size. It reads only the measurements and the zeros, so it is post-processing and
 * spends no privacy budget. A previous fit can warm-start the next one when measurements are added.
 */
public final class MirrorDescent {
    private MirrorDescent() {
    }

    /**
     * A fit: the maximal sets among the measured ones and those of the structural zeros, a log-potential per set (the
     * zeros' cells at {@link #IMPOSSIBLE}), and the calibrated model.
     */
    public record Fit(List<int[]> cliques, double[][] potentials, GraphicalModel model) {
    }

    /**
     * @param total      the number of rows the model's marginals sum to
     * @param warm       a previous fit whose potentials start this one (null for zero potentials)
     */
    public static Fit estimate(int[] domain, List<NoisyMarginal> measurements, double total, int iterations, Fit warm) {
        return estimate(domain, measurements, List.of(), total, iterations, warm);
    }

    /**
     * As {@link #estimate(int[], List, double, int, Fit)}, the model also holding each set of structural zeros (as a
     * clique of its own when no measured set covers it), whose cells keep a log-potential of {@link #IMPOSSIBLE}: the
     * saved potentials carry the zeros, so a model rebuilt from them has them too.
     */
    public static Fit estimate(int[] domain, List<NoisyMarginal> measurements, List<StructuralZeros> zeros, double total,
                               int iterations, Fit warm) {
        List<int[]> sets = new ArrayList<>();
        measurements.forEach(m -> sets.add(m.attributes()));
        zeros.forEach(z -> sets.add(z.attributes()));
        List<int[]> cliques = JunctionTree.maximalSets(sets);
        JunctionTree tree = JunctionTree.of(domain, cliques);
        int k = cliques.size();
        int[] home = homes(tree, cliques);
        int[][] homeMap = homeMaps(domain, tree, cliques, home);
        double[][] theta = new double[k][];
        for (int c = 0; c < k; c++) {
            theta[c] = new double[Factor.cells(Factor.dimsOf(cliques.get(c), domain))];
        }
        if (warm != null) {
            for (int o = 0; o < warm.cliques().size(); o++) {
                int[] old = warm.cliques().get(o);
                for (int c = 0; c < k; c++) {
                    if (Factor.covers(cliques.get(c), old)) {
                        int[] map = Factor.map(cliques.get(c), Factor.dimsOf(cliques.get(c), domain), old, Factor.dimsOf(old, domain));
                        for (int i = 0; i < map.length; i++) {
                            theta[c][i] += warm.potentials()[o][map[i]];
                        }
                        break;
                    }
                }
            }
        }
        boolean[][] masked = masks(domain, cliques, zeros);
        mask(theta, masked);
        int[] owner = new int[measurements.size()];
        int[][] ownerMap = new int[measurements.size()][];
        for (int m = 0; m < owner.length; m++) {
            int[] attrs = measurements.get(m).attributes();
            owner[m] = -1;
            for (int c = 0; c < k && owner[m] < 0; c++) {
                if (Factor.covers(cliques.get(c), attrs)) {
                    owner[m] = c;
                }
            }
            ownerMap[m] = Factor.map(cliques.get(owner[m]), Factor.dimsOf(cliques.get(owner[m]), domain), attrs,
                    Factor.dimsOf(attrs, domain));
            int[] groups = measurements.get(m).groups();
            if (groups != null) { // the clique's cells onto the measured groups
                for (int i = 0; i < ownerMap[m].length; i++) {
                    ownerMap[m][i] = groups[ownerMap[m][i]];
                }
            }
        }
        Problem problem = new Problem(domain, tree, cliques, home, homeMap, measurements, owner, ownerMap, total);
        State state = problem.evaluate(theta);
        double alpha = 1.0 / (total * total);
        for (int t = 0; t < iterations; t++) {
            alpha *= 2;
            State next = null;
            for (int i = 0; i < 25; i++) {
                next = problem.evaluate(mask(step(state.theta, state.gradient, alpha), masked));
                if (state.loss - next.loss >= 0.5 * alpha * dot(state.gradient, state.mu, next.mu)) {
                    break;
                }
                alpha *= 0.5;
            }
            state = next;
        }
        return new Fit(cliques, state.theta, state.model);
    }

    /** The log-potential of a structurally impossible cell: exp of it is 0 next to any count. */
    static final double IMPOSSIBLE = -1e4;

    /** For each clique, the cells whose projection onto some set of structural zeros is impossible (null: none). */
    private static boolean[][] masks(int[] domain, List<int[]> cliques, List<StructuralZeros> zeros) {
        boolean[][] out = new boolean[cliques.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = StructuralZeros.cellsOf(cliques.get(c), domain, zeros);
        }
        return out;
    }

    private static double[][] mask(double[][] theta, boolean[][] masked) {
        for (int c = 0; c < theta.length; c++) {
            if (masked[c] != null) {
                for (int i = 0; i < theta[c].length; i++) {
                    if (masked[c][i]) {
                        theta[c][i] = IMPOSSIBLE;
                    }
                }
            }
        }
        return theta;
    }

    /** The calibrated model of saved potentials, one per clique (as {@link Fit} holds them). */
    public static GraphicalModel model(int[] domain, List<int[]> cliques, double[][] potentials, double total) {
        JunctionTree tree = JunctionTree.of(domain, cliques);
        int[] home = homes(tree, cliques);
        return GraphicalModel.calibrate(tree, logPotentials(domain, tree, home, homeMaps(domain, tree, cliques, home), potentials),
                total);
    }

    /** The tree clique holding each model clique. */
    private static int[] homes(JunctionTree tree, List<int[]> cliques) {
        return cliques.stream().mapToInt(tree::cliqueCovering).toArray();
    }

    /** For each model clique, its home clique's cells onto its own. */
    private static int[][] homeMaps(int[] domain, JunctionTree tree, List<int[]> cliques, int[] home) {
        int[][] out = new int[cliques.size()][];
        for (int c = 0; c < out.length; c++) {
            int[] jt = tree.clique(home[c]);
            out[c] = Factor.map(jt, Factor.dimsOf(jt, domain), cliques.get(c), Factor.dimsOf(cliques.get(c), domain));
        }
        return out;
    }

    private static double[][] logPotentials(int[] domain, JunctionTree tree, int[] home, int[][] homeMap, double[][] theta) {
        double[][] log = new double[tree.cliqueCount()][];
        for (int j = 0; j < log.length; j++) {
            log[j] = new double[Factor.cells(Factor.dimsOf(tree.clique(j), domain))];
        }
        for (int c = 0; c < theta.length; c++) {
            double[] target = log[home[c]];
            int[] map = homeMap[c];
            for (int i = 0; i < target.length; i++) {
                target[i] += theta[c][map[i]];
            }
        }
        return log;
    }

    private static double[][] step(double[][] theta, double[][] gradient, double alpha) {
        double[][] out = new double[theta.length][];
        for (int c = 0; c < theta.length; c++) {
            out[c] = new double[theta[c].length];
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] = theta[c][i] - alpha * gradient[c][i];
            }
        }
        return out;
    }

    private static double dot(double[][] g, double[][] a, double[][] b) {
        double s = 0;
        for (int c = 0; c < g.length; c++) {
            for (int i = 0; i < g[c].length; i++) {
                s += g[c][i] * (a[c][i] - b[c][i]);
            }
        }
        return s;
    }

    private record State(double[][] theta, GraphicalModel model, double[][] mu, double loss, double[][] gradient) {
    }

    private record Problem(int[] domain, JunctionTree tree, List<int[]> cliques, int[] home, int[][] homeMap,
                           List<NoisyMarginal> measurements, int[] owner, int[][] ownerMap, double total) {
        State evaluate(double[][] theta) {
            GraphicalModel model = GraphicalModel.calibrate(tree, logPotentials(domain, tree, home, homeMap, theta), total);
            double[][] mu = new double[theta.length][];
            for (int c = 0; c < theta.length; c++) {
                mu[c] = new double[theta[c].length];
                double[] belief = model.belief(home[c]).values();
                int[] map = homeMap[c];
                for (int i = 0; i < belief.length; i++) {
                    mu[c][map[i]] += belief[i];
                }
            }
            double loss = 0;
            double[][] gradient = new double[theta.length][];
            for (int c = 0; c < theta.length; c++) {
                gradient[c] = new double[theta[c].length];
            }
            for (int m = 0; m < measurements.size(); m++) {
                NoisyMarginal y = measurements.get(m);
                int c = owner[m];
                int[] map = ownerMap[m];
                double[] x = new double[y.values().length];
                for (int i = 0; i < map.length; i++) {
                    x[map[i]] += mu[c][i];
                }
                double[] diff = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    diff[i] = x[i] - y.values()[i];
                    double weight = 1 / (y.sigmas()[i] * y.sigmas()[i]);
                    diff[i] *= weight;
                    loss += 0.5 * diff[i] * diff[i] / weight;
                }
                for (int i = 0; i < map.length; i++) {
                    gradient[c][i] += diff[map[i]];
                }
            }
            return new State(theta, model, mu, loss, gradient);
        }
    }
}
