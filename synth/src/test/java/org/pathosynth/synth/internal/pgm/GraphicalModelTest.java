package org.pathosynth.synth.internal.pgm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The junction-tree model against brute-force sums over the whole joint table. */
class GraphicalModelTest {
    private static final int[] DOMAIN = {2, 3, 4, 2, 3};
    /** A cycle 0-1-2-3-0 plus a triangle 2-3-4: triangulation must add a chord. */
    private static final List<int[]> CLIQUES = List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3}, new int[] {0, 3},
            new int[] {2, 3, 4});

    private static double[][] randomPotentials(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] theta = new double[CLIQUES.size()][];
        for (int c = 0; c < theta.length; c++) {
            theta[c] = new double[Factor.cells(Factor.dimsOf(CLIQUES.get(c), DOMAIN))];
            for (int i = 0; i < theta[c].length; i++) {
                theta[c][i] = 2 * rng.nextGaussian();
            }
        }
        return theta;
    }

    /** The joint table, by brute force: exp of the summed potentials, scaled to the total. */
    private static double[] joint(double[][] theta, double total) {
        int n = Factor.cells(DOMAIN);
        int[] all = {0, 1, 2, 3, 4};
        double[] p = new double[n];
        double sum = 0;
        for (int c = 0; c < theta.length; c++) {
            int[] map = Factor.map(all, DOMAIN, CLIQUES.get(c), Factor.dimsOf(CLIQUES.get(c), DOMAIN));
            for (int i = 0; i < n; i++) {
                p[i] += theta[c][map[i]];
            }
        }
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp(p[i]);
            sum += p[i];
        }
        for (int i = 0; i < n; i++) {
            p[i] *= total / sum;
        }
        return p;
    }

    private static double[] bruteMarginal(double[] joint, int[] set) {
        return new Factor(new int[] {0, 1, 2, 3, 4}, DOMAIN, joint).sumOnto(set).values();
    }

    @Test
    void marginalsOfCliquesAndOfOtherSetsEqualTheBruteForceSums() {
        double[][] theta = randomPotentials(7);
        GraphicalModel model = MirrorDescent.model(DOMAIN, CLIQUES, theta, 500);
        double[] joint = joint(theta, 500);
        List<int[]> sets = new ArrayList<>(CLIQUES);
        sets.add(new int[] {0, 2}); // in no input clique; in a clique only if the chord went that way
        sets.add(new int[] {1, 3});
        sets.add(new int[] {0, 4});
        sets.add(new int[] {1, 4});
        sets.add(new int[] {0, 1, 4});
        sets.add(new int[] {0, 1, 2, 3, 4});
        for (int[] set : sets) {
            assertThat(model.project(set).values()).as(java.util.Arrays.toString(set))
                    .containsExactly(bruteMarginal(joint, set), within(1e-9));
        }
        int outside = 0;
        for (int[] set : sets) {
            outside += model.tree().cliqueCovering(set) < 0 ? 1 : 0;
        }
        assertThat(outside).as("sets answered by elimination, not from one clique").isGreaterThanOrEqualTo(3);
    }

    @Test
    void theJunctionTreeHoldsEveryInputCliqueAndHasTheRunningIntersectionProperty() {
        JunctionTree tree = JunctionTree.of(DOMAIN, CLIQUES);
        for (int[] c : CLIQUES) {
            assertThat(tree.cliqueCovering(c)).isGreaterThanOrEqualTo(0);
        }
        // Running intersection: the cliques holding an attribute are connected in the tree.
        for (int a = 0; a < DOMAIN.length; a++) {
            int holding = 0;
            int linked = 0;
            for (int c = 0; c < tree.cliqueCount(); c++) {
                if (Factor.covers(tree.clique(c), new int[] {a})) {
                    holding++;
                    int p = tree.parent(c);
                    if (p >= 0 && Factor.covers(tree.clique(p), new int[] {a})) {
                        linked++;
                    }
                }
            }
            assertThat(linked).as("attribute " + a).isEqualTo(holding - 1);
        }
    }

    @Test
    void sampledCountsFollowTheModelWithinRounding() {
        double[][] theta = randomPotentials(11);
        GraphicalModel model = MirrorDescent.model(DOMAIN, CLIQUES, theta, 1);
        int n = 200_000;
        int[][] rows = model.sample(n, new SplittableRandom(3));
        for (int[] set : List.of(new int[] {0, 1}, new int[] {2, 3, 4}, new int[] {0, 3}, new int[] {1, 4})) {
            double[] expected = model.project(set).values();
            double[] counts = new double[expected.length];
            int[] dims = Factor.dimsOf(set, DOMAIN);
            for (int r = 0; r < n; r++) {
                int idx = 0;
                for (int i = 0; i < set.length; i++) {
                    idx = idx * dims[i] + rows[set[i]][r];
                }
                counts[idx]++;
            }
            for (int i = 0; i < counts.length; i++) {
                assertThat(counts[i] / n).as(java.util.Arrays.toString(set) + " cell " + i).isCloseTo(expected[i], within(0.006));
            }
        }
        // Controlled rounding: the first attribute sampled matches the model's counts to within one row.
        int first = model.tree().samplingOrder()[0];
        double[] m = model.project(new int[] {first}).values();
        for (int v = 0; v < m.length; v++) {
            int value = v;
            long count = java.util.Arrays.stream(rows[first]).filter(x -> x == value).count();
            assertThat((double) count).isCloseTo(m[v] * n, within(1.0));
        }
    }

    @Test
    void mirrorDescentRecoversExactMarginalsOfADistributionTheModelCanExpress() {
        double[][] theta = randomPotentials(5);
        double total = 10_000;
        double[] joint = joint(theta, total);
        List<NoisyMarginal> measurements = new ArrayList<>();
        for (int[] c : CLIQUES) {
            measurements.add(NoisyMarginal.of(c, bruteMarginal(joint, c), 1.0));
        }
        measurements.add(NoisyMarginal.of(new int[] {1}, bruteMarginal(joint, new int[] {1}), 1.0)); // folded into a clique
        MirrorDescent.Fit fit = MirrorDescent.estimate(DOMAIN, measurements, total, 3000, null);
        assertThat(fit.cliques()).hasSize(CLIQUES.size() - 1); // {1} and {2,3} lie inside other measured sets
        for (int[] set : List.of(new int[] {0, 1}, new int[] {2, 3, 4}, new int[] {0, 2}, new int[] {1, 4})) {
            double[] truth = bruteMarginal(joint, set);
            double[] fitted = fit.model().project(set).values();
            double l1 = 0;
            for (int i = 0; i < truth.length; i++) {
                l1 += Math.abs(truth[i] - fitted[i]);
            }
            assertThat(l1 / total).as(java.util.Arrays.toString(set)).isLessThan(0.01);
        }
    }

    @Test
    void structuralZerosKeepNoMassWhateverTheMeasurementsSayEvenTwoInOneMeasuredSet() {
        // A measured triple covers two zero pairs, {0, 1} and {0, 2}; the measurement puts rows in their cells.
        int[] domain = {2, 3, 2};
        double[] y = new double[12];
        java.util.Arrays.fill(y, 50);
        List<NoisyMarginal> measurements = List.of(NoisyMarginal.of(new int[] {0, 1, 2}, y, 1.0));
        StructuralZeros first = new StructuralZeros(new int[] {0, 1}, new boolean[] {false, false, false, false, false, true});
        StructuralZeros second = new StructuralZeros(new int[] {0, 2}, new boolean[] {false, false, true, false});
        MirrorDescent.Fit fit = MirrorDescent.estimate(domain, measurements, List.of(first, second), 600, 200, null);
        double[] triple = fit.model().project(new int[] {0, 1, 2}).values();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 3; b++) {
                for (int c = 0; c < 2; c++) {
                    double mass = triple[(a * 3 + b) * 2 + c];
                    boolean forbidden = a == 1 && b == 2 || a == 1 && c == 0;
                    assertThat(mass).as("cell " + a + b + c).isCloseTo(forbidden ? 0 : 600.0 / 8, within(forbidden ? 1e-9 : 1.0));
                }
            }
        }
        // the zeros stay in the potentials, so a model rebuilt from them has them too
        assertThat(fit.potentials()[0]).contains(MirrorDescent.IMPOSSIBLE);
        for (int i = 0; i < 12; i++) {
            int a = i / 6;
            int b = i / 2 % 3;
            int c = i % 2;
            if (a == 1 && b == 2 || a == 1 && c == 0) {
                assertThat(fit.potentials()[0][i]).isEqualTo(MirrorDescent.IMPOSSIBLE);
            }
        }
        GraphicalModel rebuilt = MirrorDescent.model(domain, fit.cliques(), fit.potentials(), 600);
        assertThat(rebuilt.project(new int[] {0, 1, 2}).values()).containsExactly(triple, within(1e-9));
    }

    @Test
    void aMarginalMeasuredOnGroupsOfCellsFitsTheGroupSumsAndLeavesTheRestToTheOneWays() {
        // Attribute 0 has 4 cells, attribute 1 has 3. Their 1-ways are measured cell by cell; the pair only on groups:
        // cells {0, 1} against {2, 3} of attribute 0, {0} against {1, 2} of attribute 1.
        int[] domain = {4, 3};
        double[] a = {100, 200, 300, 400};
        double[] b = {500, 300, 200};
        int[] groups = new int[12];
        for (int i = 0; i < 12; i++) {
            groups[i] = (i / 3 < 2 ? 0 : 2) + (i % 3 == 0 ? 0 : 1);
        }
        // Under independence the group sums would be 150/150/350/350; measured, they say the low cells of 0 go with cell 0 of 1.
        double[] pair = {250, 50, 250, 450};
        List<NoisyMarginal> measurements = List.of(NoisyMarginal.of(new int[] {0}, a, 1.0), NoisyMarginal.of(new int[] {1}, b, 1.0),
                new NoisyMarginal(new int[] {0, 1}, pair, new double[] {1, 1, 1, 1}, groups));
        MirrorDescent.Fit fit = MirrorDescent.estimate(domain, measurements, 1000, 2000, null);
        double[] fitted = fit.model().project(new int[] {0, 1}).values();
        double[] sums = new double[4];
        for (int i = 0; i < 12; i++) {
            sums[groups[i]] += fitted[i];
        }
        assertThat(sums).containsExactly(pair, within(0.5));
        assertThat(fit.model().project(new int[] {0}).values()).containsExactly(a, within(0.5));
        assertThat(fit.model().project(new int[] {1}).values()).containsExactly(b, within(0.5));
        // Inside a group the model knows only the 1-ways: cells 0 and 1 of attribute 0 split each group 1 : 2.
        assertThat(fitted[3] / fitted[0]).isCloseTo(2.0, within(0.01));
        assertThat(fitted[4] / fitted[1]).isCloseTo(2.0, within(0.01));
    }

    @Test
    void aMarginalMeasuredOnGroupsInsideALargerCliqueFitsItsGroupSums() {
        // A triple measured very noisily makes the clique {0, 1, 2}; the pair {1, 2} is measured precisely on groups:
        // cells {0, 1} against {2, 3} of attribute 1, {0} against {1, 2} of attribute 2.
        int[] domain = {2, 4, 3};
        double[] triple = new double[24];
        java.util.Arrays.fill(triple, 1000.0 / 24);
        int[] groups = new int[12];
        for (int i = 0; i < 12; i++) {
            groups[i] = (i / 3 < 2 ? 0 : 2) + (i % 3 == 0 ? 0 : 1);
        }
        double[] pair = {250, 50, 250, 450};
        double[] precise = {0.01, 0.01, 0.01, 0.01};
        List<NoisyMarginal> measurements = List.of(NoisyMarginal.of(new int[] {0, 1, 2}, triple, 1000.0),
                new NoisyMarginal(new int[] {1, 2}, pair, precise, groups));
        MirrorDescent.Fit fit = MirrorDescent.estimate(domain, measurements, 1000, 2000, null);
        assertThat(fit.cliques()).hasSize(1);
        double[] fitted = fit.model().project(new int[] {1, 2}).values();
        double[] sums = new double[4];
        for (int i = 0; i < 12; i++) {
            sums[groups[i]] += fitted[i];
        }
        assertThat(sums).containsExactly(pair, within(0.5));
    }
}
