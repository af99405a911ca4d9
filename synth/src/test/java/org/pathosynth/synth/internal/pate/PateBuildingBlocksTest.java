package org.pathosynth.synth.internal.pate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PateBuildingBlocksTest {
    @Test
    void chargeMatchesTheClosedForm() {
        // λ = 0.1, one query, δ = 1/e: ε = min_l (0.02·l(l+1) + 1)/l, reached at l = 7: 0.16 + 1/7
        MomentsAccountant a = new MomentsAccountant(0.1);
        assertThat(a.epsilonAfter(1, Math.exp(-1))).isCloseTo(0.16 + 1.0 / 7, offset(1e-12));
        assertThat(a.queries()).isZero(); // asking charges nothing
        a.charge(1);
        assertThat(a.epsilon(Math.exp(-1))).isCloseTo(0.16 + 1.0 / 7, offset(1e-12));
        assertThat(a.queries()).isEqualTo(1);
        // no query: only the δ term, at the largest order
        assertThat(new MomentsAccountant(0.1).epsilon(Math.exp(-1))).isCloseTo(1.0 / MomentsAccountant.ORDERS, offset(1e-12));
    }

    @Test
    void affordsSaysWhetherMoreQueriesStayWithinTheBudget() {
        MomentsAccountant a = new MomentsAccountant(1e-3);
        double delta = 1e-5;
        a.charge(2000);
        double now = a.epsilon(delta);
        double after = a.epsilonAfter(500, delta);
        assertThat(after).isGreaterThan(now);
        assertThat(a.affords(500, after, delta)).isTrue();
        assertThat(a.affords(500, Math.nextDown(after), delta)).isFalse();
        MomentsAccountant b = new MomentsAccountant(1e-3);
        b.charge(2500);
        assertThat(b.epsilon(delta)).isCloseTo(after, offset(1e-12));
        assertThatThrownBy(() -> new MomentsAccountant(0)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> a.epsilon(0)).hasMessageContaining("delta");
        assertThatThrownBy(() -> a.charge(-1)).hasMessageContaining("count");
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
