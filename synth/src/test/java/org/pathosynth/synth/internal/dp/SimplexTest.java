package org.pathosynth.synth.internal.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SimplexTest {
    @Test
    void theProjectionIsNonNegativeSumsToTheTotalAndShiftsEveryKeptValueAlike() {
        double[] p = Simplex.project(new double[] {50, -3, 2, 4, -1}, 50);
        assertThat(Arrays.stream(p).sum()).isCloseTo(50, within(1e-9));
        assertThat(Arrays.stream(p).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        // 50 + 2 + 4 − 3s = 50 with the three kept: s = 2, so 48, 0, 2; clipping alone would keep 50, 2 and 4
        assertThat(p).containsExactly(new double[] {48, 0, 0, 2, 0}, within(1e-9));
    }

    @Test
    void valuesAlreadyOnTheSimplexStay() {
        assertThat(Simplex.project(new double[] {1, 2, 3}, 6)).containsExactly(new double[] {1, 2, 3}, within(1e-12));
    }
}
