package org.pathosynth.synth.internal.pate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pathosynth.synth.internal.dp.Zcdp;

class PateBuildingBlocksTest {
    @Test
    void votesAreChargedAsZcdpAndComposeWithWhatWasSpentBefore() {
        // λ = 0.1: each vote is 0.2-DP, so 2λ² = 0.02-zCDP; one query at δ = 1e-5 converts tightly
        MomentsAccountant a = new MomentsAccountant(0.1);
        double delta = 1e-5;
        double one = a.epsilonAfter(1, delta);
        assertThat(one).isCloseTo(Zcdp.epsilon(0.02, delta), offset(1e-12));
        assertThat(Zcdp.delta(0.02, one) / delta).isCloseTo(1, offset(1e-6));
        // tighter than the moments bound over integer orders l ≤ 100, min_l (0.02·l(l+1) + ln(1/δ))/l, and above ρ
        double moments = Double.POSITIVE_INFINITY;
        for (int l = 1; l <= 100; l++) {
            moments = Math.min(moments, (0.02 * l * (l + 1) + Math.log(1 / delta)) / l);
        }
        assertThat(one).isLessThan(moments).isGreaterThan(0.02);
        assertThat(a.queries()).isZero(); // asking charges nothing
        a.charge(1);
        assertThat(a.epsilon(delta)).isEqualTo(one);
        assertThat(a.rho()).isCloseTo(0.02, offset(1e-15));
        assertThat(new MomentsAccountant(0.1).epsilon(delta)).isZero();
        // a prior measurement of ρ0 and Q votes: ρ0 + 2λ²Q
        MomentsAccountant prior = new MomentsAccountant(1e-3, 0.01);
        prior.charge(5000);
        assertThat(prior.rho()).isCloseTo(0.02, offset(1e-15));
        assertThat(prior.epsilon(1e-5)).isCloseTo(Zcdp.epsilon(0.02, 1e-5), offset(1e-12));
        // the conversions invert each other
        for (double eps : new double[] {0.3, 1, 3}) {
            assertThat(Zcdp.epsilon(Zcdp.rho(eps, 1e-5), 1e-5)).isCloseTo(eps, offset(1e-9));
        }
        assertThatThrownBy(() -> new MomentsAccountant(1e-3, -1)).hasMessageContaining("prior rho");
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
