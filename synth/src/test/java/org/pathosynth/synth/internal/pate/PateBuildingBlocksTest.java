package org.pathosynth.synth.internal.pate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PateBuildingBlocksTest {
    @Test
    void worstCaseChargeMatchesTheClosedForm() {
        // λ = 0.1, one query, δ = 1/e: ε = min_l (0.02·l(l+1) + 1)/l, reached at l = 7: 0.16 + 1/7
        MomentsAccountant a = new MomentsAccountant(0.1);
        a.chargeWorstCase(1);
        assertThat(a.epsilon(Math.exp(-1))).isCloseTo(0.16 + 1.0 / 7, offset(1e-12));
        assertThat(a.queries()).isEqualTo(1);
        // no query: only the δ term, at the largest order
        assertThat(new MomentsAccountant(0.1).epsilon(Math.exp(-1))).isCloseTo(1.0 / MomentsAccountant.ORDERS, offset(1e-12));
    }

    @Test
    void clearMajoritiesCostLessThanTiesAndTheDefaultLambdaAlwaysPaysTheBound() {
        MomentsAccountant unanimous = new MomentsAccountant(1);
        unanimous.charge(0, 10);
        MomentsAccountant tie = new MomentsAccountant(1);
        tie.charge(5, 5);
        MomentsAccountant worst = new MomentsAccountant(1);
        worst.chargeWorstCase(1);
        assertThat(unanimous.epsilon(1e-5)).isLessThan(0.5 * worst.epsilon(1e-5));
        assertThat(tie.epsilon(1e-5)).isEqualTo(worst.epsilon(1e-5)); // q = 1/2: the data-dependent bound does not apply
        // λ = 1e-3 (both references' default): every answered query costs exactly the data-independent bound
        MomentsAccountant small = new MomentsAccountant(1e-3);
        MomentsAccountant smallWorst = new MomentsAccountant(1e-3);
        for (int i = 0; i < 1000; i++) {
            small.charge(3, 7);
        }
        smallWorst.chargeWorstCase(1000);
        assertThat(small.epsilon(1e-6)).isCloseTo(smallWorst.epsilon(1e-6), offset(1e-9));
        assertThatThrownBy(() -> new MomentsAccountant(0)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> small.epsilon(0)).hasMessageContaining("delta");
    }

    @Test
    void laplaceNoiseHasTheRequestedScaleAndVotesFollowTheMajorityWhenNoiseIsSmall() {
        SplittableRandom rng = new SplittableRandom(1);
        double sum = 0;
        double abs = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double x = NoisyVote.laplace(3, rng);
            sum += x;
            abs += Math.abs(x);
        }
        assertThat(sum / n).isCloseTo(0, offset(0.05));
        assertThat(abs / n).isCloseTo(3, offset(0.05)); // E|X| = scale
        int real = 0;
        for (int i = 0; i < 1000; i++) {
            real += NoisyVote.real(9, 10, 10, rng) ? 1 : 0; // scale 0.1
        }
        assertThat(real).isEqualTo(1000);
    }

    @Test
    void logisticRegressionSeparatesTwoGaussians() {
        SplittableRandom rng = new SplittableRandom(2);
        int n = 400;
        double[] x = new double[n * 2];
        boolean[] y = new boolean[n];
        for (int r = 0; r < n; r++) {
            y[r] = r % 2 == 0;
            x[2 * r] = (y[r] ? 2 : -2) + rng.nextGaussian();
            x[2 * r + 1] = rng.nextGaussian(); // noise feature
        }
        LogisticRegression model = LogisticRegression.fit(x, n, 2, y, 25);
        int correct = 0;
        for (int r = 0; r < n; r++) {
            correct += (model.probability(x, 2 * r) > 0.5) == y[r] ? 1 : 0;
        }
        assertThat(correct / (double) n).isGreaterThan(0.95);
        assertThat(Math.abs(model.weights()[0])).isGreaterThan(5 * Math.abs(model.weights()[1]));
        assertThat(LogisticRegression.fit(x, n, 2, y, 25).weights()).isEqualTo(model.weights());
        assertThatThrownBy(() -> LogisticRegression.fit(x, n, 3, y, 5)).hasMessageContaining("rows × features");
    }
}
