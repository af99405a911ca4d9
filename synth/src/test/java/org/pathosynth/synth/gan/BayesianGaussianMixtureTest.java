package org.pathosynth.synth.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BayesianGaussianMixtureTest {

    @Test
    void digammaMatchesKnownValues() {
        assertThat(BayesianGaussianMixture.digamma(1)).isCloseTo(-0.5772156649015329, within(1e-12));
        assertThat(BayesianGaussianMixture.digamma(0.5)).isCloseTo(-1.9635100260214235, within(1e-12));
        assertThat(BayesianGaussianMixture.digamma(10)).isCloseTo(2.251752589066721, within(1e-12));
    }

    @Test
    void findsTheTwoModesAndPrunesTheRest() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] x = new double[2000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 1400 ? rng.nextGaussian() : 10 + 0.5 * rng.nextGaussian();
        }
        BayesianGaussianMixture g = BayesianGaussianMixture.fit(x, 10, new SplittableRandom(2));
        assertThat(Arrays.stream(g.weights()).sum()).isCloseTo(1, within(1e-9));
        // the process prior empties most components; the kept ones sit on the two modes with their weights
        int[] valid = java.util.stream.IntStream.range(0, 10).filter(k -> g.weights()[k] > 0.005).toArray();
        assertThat(valid.length).isBetween(2, 5);
        double nearZero = Arrays.stream(valid).filter(k -> Math.abs(g.means()[k]) < 1).mapToDouble(k -> g.weights()[k]).sum();
        double nearTen = Arrays.stream(valid).filter(k -> Math.abs(g.means()[k] - 10) < 1).mapToDouble(k -> g.weights()[k]).sum();
        assertThat(nearZero).isCloseTo(0.7, within(0.02));
        assertThat(nearTen).isCloseTo(0.3, within(0.02));
        int k10 = Arrays.stream(valid).filter(k -> Math.abs(g.means()[k] - 10) < 1).findFirst().orElseThrow();
        // √C_k carries the priors: (s² + N·0.25 + N/(N+1)·(10 − mean)²)/(N+1) with s² ≈ 21, N ≈ 600 gives ≈ 0.6, not 0.5
        assertThat(g.stds()[k10]).isCloseTo(0.6, within(0.03));
        assertThat(g.responsibilities(10)[k10]).isGreaterThan(0.99);
    }
}
