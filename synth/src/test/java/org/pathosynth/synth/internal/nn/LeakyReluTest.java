package org.pathosynth.synth.internal.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The branch-free activation and slope agree with their definitions, zeros and tiny values included. */
class LeakyReluTest {
    @Test
    void activationIsTheInputAboveZeroAndScaledBelow() {
        assertThat(LeakyRelu.apply(2.5, 0.2)).isEqualTo(2.5);
        assertThat(LeakyRelu.apply(-2.5, 0.2)).isEqualTo(-0.5);
        assertThat(LeakyRelu.apply(0.0, 0.2)).isEqualTo(0.0);
        assertThat(LeakyRelu.apply(-3.0, 0)).isZero(); // ReLU
        assertThat(LeakyRelu.apply(1e-300, 0)).isEqualTo(1e-300);
    }

    @Test
    void slopeIsOneAboveZeroAndTheSlopeAtOrBelow() {
        for (double x : new double[] {Double.MIN_VALUE, 5e-309, 1e-307, 1e-12, 0.3, 7, Double.MAX_VALUE}) {
            assertThat(LeakyRelu.slopeAt(x, 0.2)).as("x = %s", x).isEqualTo(1.0);
            assertThat(LeakyRelu.slopeAt(x, 0)).isEqualTo(1.0);
        }
        for (double x : new double[] {0.0, -0.0, -1e-300, -4, -Double.MAX_VALUE}) {
            assertThat(LeakyRelu.slopeAt(x, 0.2)).as("x = %s", x).isEqualTo(0.2);
            assertThat(LeakyRelu.slopeAt(x, 0)).isZero();
        }
    }

    @Test
    void layerPassesMatchTheDefinition() {
        LeakyRelu layer = new LeakyRelu(0.2);
        Matrix x = new Matrix(1, 4, new double[] {-2, 0, 0.5, 3});
        assertThat(layer.forward(x, true).data).containsExactly(-0.4, 0, 0.5, 3);
        Matrix g = new Matrix(1, 4, new double[] {1, 1, 2, -1});
        assertThat(layer.backward(g).data).containsExactly(0.2, 0.2, 2, -1);
    }

    @Test
    void slopesOutsideZeroToOneAreRefused() {
        // max(v, slope·v) is the activation only for 0 <= slope < 1
        assertThatThrownBy(() -> new LeakyRelu(1.5)).hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> new LeakyRelu(-0.1)).hasMessageContaining("[0, 1)");
    }
}
