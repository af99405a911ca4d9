package org.pathosynth.synth.internal.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterAverageTest {
    @Test
    void theAverageForgetsTheStartAndFollowsTheRecentIterates() {
        Parameter p = new Parameter("w", new double[] {100, -100});
        ParameterAverage average = new ParameterAverage(List.of(p), 0.9);
        // iterates alternate around 1 and 3: the last one is 3, their average 2
        for (int step = 0; step < 400; step++) {
            p.value[0] = step % 2 == 0 ? 1 : 3;
            p.value[1] = -p.value[0];
            average.update();
        }
        assertThat(p.value).containsExactly(3, -3); // nothing written before apply
        average.apply();
        assertThat(p.value[0]).isCloseTo(2, offset(0.1));
        assertThat(p.value[1]).isCloseTo(-2, offset(0.1));
        // the first update weighs 0.8 against the start (decay capped at (1 + 1) / (10 + 1)), so the start fades fast
        Parameter q = new Parameter("q", new double[] {10});
        ParameterAverage early = new ParameterAverage(List.of(q), 0.999);
        q.value[0] = 0;
        early.update();
        early.apply();
        assertThat(q.value[0]).isCloseTo(10 * 2.0 / 11, offset(1e-12));
        assertThatThrownBy(() -> new ParameterAverage(List.of(q), 1)).hasMessageContaining("decay");
    }

    @Test
    void aLayerReadsTheAverageOnceApplied() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        Linear layer = new Linear(6, 5, rng);
        Matrix x = Matrix.gaussian(4, 6, rng);
        ParameterAverage average = new ParameterAverage(layer.parameters(), 0.9);
        average.update();
        java.util.Arrays.fill(layer.weight.value, 7); // a training step the average barely follows
        layer.weight.changed();
        layer.forward(x, true); // the layer's float copy now holds the 7s
        average.apply();
        Matrix y = layer.forward(x, true);
        Matrix expected = Kernels.mulTransposed(x, layer.weightMatrix());
        for (int i = 0; i < y.data.length; i++) {
            assertThat(y.data[i]).isEqualTo(expected.data[i] + layer.bias.value[i % 5]);
        }
    }
}
